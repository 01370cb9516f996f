// custom-elements.json lists the public API of the three elements only: the element files and their base classes
// (src/elements/shared/userpays-element.ts, which all three extend, and src/elements/image/shared/image-properties.ts, where
// `<userpays-image>`'s public properties are declared) are analysed, never the controllers or templates they delegate
// to; the base classes themselves, and private, protected and static members, which the analyser lists too, are
// dropped, with the attributes it makes of internal state.
export default {
  globs: ['src/elements/*/userpays-*.ts', 'src/elements/image/shared/image-properties.ts'],
  litelement: true,
  plugins: [
    {
      name: 'userpays-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules = customElementsManifest.modules.filter((module) =>
          module.declarations?.some((declaration) => declaration.tagName),
        );
        for (const module of customElementsManifest.modules) {
          module.declarations = module.declarations?.filter((declaration) => declaration.tagName);
          module.exports = module.exports?.filter(
            (entry) =>
              entry.kind === 'custom-element-definition' || module.declarations.some((d) => d.name === entry.name),
          );
          for (const declaration of module.declarations) {
            declaration.members = declaration.members?.filter(
              (member) => !member.static && (member.privacy ?? 'public') === 'public',
            );
            // The analyser takes every entry of `static properties` for an attribute, internal state (`state: true`,
            // private fields) too: only a public field's attribute is one.
            declaration.attributes = declaration.attributes?.filter(
              (attribute) =>
                !attribute.fieldName || declaration.members.some((member) => member.name === attribute.fieldName),
            );
          }
        }
      },
    },
  ],
};
