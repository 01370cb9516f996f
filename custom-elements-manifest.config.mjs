// custom-elements.json lists the public API of the three elements only: the element files are analysed
// (never the controllers or templates they delegate to), and private, protected and static members, which
// the analyser lists too, are dropped.
export default {
  globs: ['src/elements/*/userpays-*.ts'],
  litelement: true,
  plugins: [
    {
      name: 'userpays-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            declaration.members = declaration.members?.filter(
              (member) => !member.static && (member.privacy ?? 'public') === 'public',
            );
          }
        }
      },
    },
  ],
};
