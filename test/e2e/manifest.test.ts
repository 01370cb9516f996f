// custom-elements.json (written by `npm run build`) lists exactly the public API of the three elements:
// their attributes, properties, methods, events, parts and CSS properties — no private state, no internals.
import { expect } from '@open-wc/testing';
import '../../src/define.js';

interface Declaration {
  tagName?: string;
  members?: { kind: string; name: string; privacy?: string; static?: boolean }[];
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

/**
 * Each element's public API: attributes (each also a property, in camelCase, but HTML's own `lang`), property-only
 * members, methods, events.
 */
const API: Record<string, { attributes: string[]; propertiesOnly: string[]; methods: string[]; events: string[] }> = {
  'userpays-image': {
    attributes:
      'provider providers model models width height count seed prompt endpoint relay budget lang locale storage-key puter-src keep-images huggingface-client-id pollinations-app-key pollinations-earnings enhance-prompt safety-tolerance output-format quality edit'.split(
        ' ',
      ),
    propertiesOnly: ['priceBook', 'apiKey', 'quote', 'tally', 'strings'],
    methods: ['generate', 'editImage', 'cancel', 'resetTally'],
    events: 'quote submit progress result error tally bound'.split(' ').map((name) => `userpays-${name}`),
  },
  'userpays-cost': {
    attributes: 'provider model width height count inputs prompt quality lang locale endpoint storage-key'.split(' '),
    propertiesOnly: ['priceBook', 'quote', 'strings'],
    methods: [],
    events: ['userpays-quote'],
  },
  'userpays-tally': {
    attributes: ['storage-key', 'budget', 'relay', 'lang', 'locale'],
    propertiesOnly: ['tally', 'strings', 'endpoints'],
    methods: ['reset'],
    events: ['userpays-tally'],
  },
};

/**
 * Attributes with no field of the element's own: HTML's `lang` (the language of their words), and `edit` (`off` hides
 * editing), which only the panels read, as nothing of the first paint edits.
 */
const GLOBAL_ATTRIBUTES = ['lang', 'edit'];

const camelCase = (attribute: string) => attribute.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

describe('custom-elements.json', () => {
  let declarations: Declaration[];
  before(async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    declarations = manifest.modules.flatMap((module: { declarations?: Declaration[] }) => module.declarations ?? []);
  });

  it('declares the three elements and nothing else', () => {
    expect(declarations.map((declaration) => declaration.tagName).sort()).to.deep.equal(Object.keys(API).sort());
  });

  for (const [tag, api] of Object.entries(API)) {
    it(`<${tag}>: exactly its public members, attributes and events, each real`, () => {
      const declaration = declarations.find((d) => d.tagName === tag)!;
      const members = declaration.members ?? [];
      const names = (kind: string) => members.filter((member) => member.kind === kind).map((member) => member.name);
      const fields = [
        ...api.attributes.filter((name) => !GLOBAL_ATTRIBUTES.includes(name)).map(camelCase),
        ...api.propertiesOnly,
      ];
      expect(names('field').sort()).to.deep.equal(fields.sort());
      expect(names('method').sort()).to.deep.equal([...api.methods].sort());
      expect(members.every((member) => !member.privacy || member.privacy === 'public')).to.equal(true);
      expect((declaration.attributes ?? []).map((a) => a.name).sort()).to.deep.equal([...api.attributes].sort());
      expect((declaration.events ?? []).map((e) => e.name).sort()).to.deep.equal([...api.events].sort());
      expect(declaration.cssParts?.length).to.be.greaterThan(0);
      expect(declaration.cssProperties?.length).to.be.greaterThan(0);
      // Every listed member exists on the element.
      const element = document.createElement(tag) as unknown as Record<string, unknown>;
      for (const name of [...fields, ...api.methods]) expect(name in element, name).to.equal(true);
    });
  }
});
