import type { EditorStrings } from '../../../strings/image/editor.js';
import { sentences } from '../../../strings/sentence.js';
import { listed, pluralForm } from '../../../strings/words.js';

export const editor = sentences<EditorStrings>({
  maskLabel: 'Maske: Malen Sie, was sich ändern soll',
  maskInstructions:
    'Malen Sie mit dem Zeiger oder dem Finger. Mit der Tastatur: Die Eingabetaste setzt ein Rechteck, die Pfeiltasten verschieben es (mit Umschalt zehnmal so weit), Alt (auf dem Mac Wahltaste) mit den Pfeiltasten ändert seine Größe, die Eingabetaste malt es (mit dem Radierer: radiert es), Escape verwirft es.',
  maskTools: 'Maskenwerkzeuge',
  brush: 'Pinsel',
  eraser: 'Radierer',
  brushSize: 'Pinselgröße',
  brushPixels: (size) => `${size} Pixel`,
  undo: 'Rückgängig',
  redo: 'Wiederholen',
  clear: 'Leeren',
  invert: 'Umkehren',
  markRectangle: 'Rechteck markieren',
  painted: (share) => `${share} des Bildes sind bemalt`,
  paintedLittle: 'Weniger als 1\u00a0% des Bildes ist bemalt',
  nothingPainted: 'Noch ist nichts bemalt: Malen Sie, was sich ändern soll',
  rectangle: (left, top, width, height, erase) =>
    `Rechteck, ${width} breit und ${height} hoch, ${left} vom linken und ${top} vom oberen Rand: Die Eingabetaste ${erase ? 'radiert' : 'malt'} es, Escape verwirft es.`,
  edit: 'Bearbeiten',
  editLabel: (prompt) => `„${prompt}“ bearbeiten`,
  editorLabel: 'Dieses Bild bearbeiten',
  stopEditing: 'Bearbeiten beenden',
  kindLabel: 'Was geschehen soll',
  kindInstruction: 'Einer Anweisung folgen',
  kindMask: 'Bemalten Bereich ändern',
  kindErase: 'Bemalten Bereich entfernen',
  kindExtend: 'Bild erweitern',
  kindsNotHere: (kinds, provider) =>
    `${listed(
      'de',
      kinds.map((kind) => `„${kind}“`),
    )}: Kein Modell bei ${provider} kann das.`,
  instructionLabel: 'Was sich ändern soll',
  instructionPlaceholder: 'Den Himmel lila machen; die Tasse entfernen; nur das Gesicht lächelt …',
  instructionFirst: 'Sagen Sie zuerst, was sich ändern soll',
  toInstruction: 'Anweisung schreiben',
  imageAlt: 'Das Bild, das bearbeitet wird',
  willDo: (kind, model) =>
    `${{ instruction: 'Der Anweisung folgen', mask: 'Bemalten Bereich füllen', erase: 'Bemalten Bereich entfernen', extend: 'Bild erweitern' }[kind]} mit ${model}`,
  editingInForm:
    'Sie bearbeiten ein Bild: Was sich ändern soll, das Modell und „Erzeugen“ stehen beim Bild. Ihr Prompt und Ihr Modell hier bleiben erhalten, bis Sie das Bearbeiten beenden.',
  decisionInEditor: 'Preis und „Erzeugen“ stehen beim Bild, das Sie bearbeiten.',
  toEditorDecision: 'Dorthin',
  editModelsLabel: 'Bearbeiten mit',
  toPainting: 'Malen',
  notReadable:
    'Dieses Bild wird über den Link des Anbieters gezeigt, den diese Seite nicht lesen darf: Es lässt sich hier nicht bearbeiten. Laden Sie es herunter und wählen Sie es mit „Eigenes Bild bearbeiten“.',
  keptOutside: 'Außerhalb des bemalten Bereichs: Ihr Original, Pixel für Pixel.',
  showAsMade: 'Zeigen, was der Anbieter gemacht hat',
  showKept: 'Mit Ihrem Original außerhalb zeigen',
  editOwn: 'Eigenes Bild bearbeiten',
  sendWhole: (megapixels, more) => `Ganz senden, ${megapixels} MP: ${more} mehr (sonst mit 1 MP)`,
  goesOn: (images, more) =>
    `Das Gespräch fortsetzen, aus dem dieses Bild stammt: sendet ${images ? pluralForm('de', images, { one: 'sein früheres Bild', other: `seine ${images} früheren Bilder` }) : 'seine früheren Anweisungen'} erneut${more ? `, höchstens ${more} mehr` : ''}`,
  editingOff:
    'Das Bearbeiten ist in diesem Widget ausgeschaltet (edit="off"): Schalten Sie es ein, um eine Bearbeitung zu senden.',
  maskNotAnImage:
    'Die Maske ist kein Bild, das dieser Browser lesen kann: Geben Sie ein PNG in der Größe des Bildes, weiß, wo sich etwas ändern soll.',
  extendInstructions:
    'Ziehen Sie einen Rand des Bildes nach außen, um diese Seite zu erweitern, oder geben Sie ein, wie viele Pixel jede Seite dazubekommt.',
  extendSidesLabel: 'Wie weit erweitern, in Pixeln',
  extendSide: (side) => ({ top: 'Oben', right: 'Rechts', bottom: 'Unten', left: 'Links' })[side],
  extendPicture: (image, { top, right, bottom, left }, canvas, megapixels) =>
    `Das Bild, ${image}, mit ${top} Pixeln dazu oben, ${right} rechts, ${bottom} unten und ${left} links: insgesamt ${canvas}, ${megapixels} MP.`,
  extendSaid: (canvas, megapixels) => `Erweitert auf ${canvas} Pixel, ${megapixels} MP.`,
  extendNone: 'Noch nichts erweitert: Ziehen Sie einen Rand, oder geben Sie ein, wie weit.',
  toExtending: 'Erweitern',
  extendPromptLabel: 'Was in den neuen Bereich soll (freiwillig)',
  extendPromptPlaceholder: 'Mehr Himmel; ein Sandstrand; der Rest des Tisches …',
  extendPromptHint: (model) => `${model} folgt ihr vielleicht nicht: Was im Bild ist, gibt den Ausschlag.`,
  noInstruction: (model) => `${model} nimmt keine Anweisung an: Es führt das Bild von selbst fort.`,
  imageKept: (provider, kept) =>
    ({
      'abuse-logs-30-days': `${provider} bewahrt auf, was es erhält, auch dieses Bild, bis zu 30 Tage lang, um Missbrauch zu erkennen.`,
      'abuse-logs-55-days': `${provider} bewahrt auf, was es erhält, auch dieses Bild, 55 Tage lang, um Missbrauch zu erkennen; mit einem kostenlosen Schlüssel darf es es auch zur Verbesserung seiner Produkte nutzen, und Menschen können es lesen.`,
      'public-address-7-days': `${provider} bewahrt dieses Bild unter einer Adresse auf, die jeder öffnen kann, der sie kennt, mindestens 7 Tage lang.`,
    })[kept],
  nothingEditsHere: (provider) =>
    `Kein Modell bei ${provider} bearbeitet Bilder: Wählen Sie einen Anbieter, dessen Modelle es tun, und bearbeiten Sie das Bild dann.`,
});
