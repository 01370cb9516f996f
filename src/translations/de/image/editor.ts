import type { EditorStrings } from '../../../strings/image/editor.js';

export const editor: EditorStrings = {
  maskLabel: () => 'Maske: Malen Sie, was sich ändern soll',
  maskInstructions: () =>
    'Malen Sie mit dem Zeiger oder dem Finger. Mit der Tastatur: Die Eingabetaste setzt ein Rechteck, die Pfeiltasten verschieben es (mit Umschalt zehnmal so weit), Alt (auf dem Mac Wahltaste) mit den Pfeiltasten ändert seine Größe, die Eingabetaste malt es (mit dem Radierer: radiert es), Escape verwirft es.',
  maskTools: () => 'Maskenwerkzeuge',
  brush: () => 'Pinsel',
  eraser: () => 'Radierer',
  brushSize: () => 'Pinselgröße',
  brushPixels: (size) => `${size} Pixel`,
  undo: () => 'Rückgängig',
  redo: () => 'Wiederholen',
  clear: () => 'Leeren',
  invert: () => 'Umkehren',
  markRectangle: () => 'Rechteck markieren',
  painted: (share) => `${share} des Bildes sind bemalt`,
  paintedLittle: () => 'Weniger als 1\u00a0% des Bildes ist bemalt',
  nothingPainted: () => 'Noch ist nichts bemalt: Malen Sie, was sich ändern soll',
  rectangle: (left, top, width, height, erase) =>
    `Rechteck, ${width} breit und ${height} hoch, ${left} vom linken und ${top} vom oberen Rand: Die Eingabetaste ${erase ? 'radiert' : 'malt'} es, Escape verwirft es.`,
};
