// Lint for src/, test/, demo/, bench/ and scripts/. Formatting is Prettier's (npm run format:check), not ESLint's.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/results/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    // One privacy convention: ECMAScript's #private for what only a class itself reads (private at run time too: a
    // page cannot reach into a widget's controllers), `protected` for what a subclass reads; never TypeScript's
    // `private`, which only the compiler keeps. Lit's reactive properties are named (its accessors), so the widget keeps
    // no private reactive state: what it unfolds lives in a controller that asks for its own update (FormState).
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: ':matches(PropertyDefinition, MethodDefinition, TSParameterProperty)[accessibility="private"]',
          message: 'Use #private (one privacy convention in src/).',
        },
        // A strict Content-Security-Policy (no 'unsafe-inline' in style-src: the README's, the demo's) refuses every
        // style attribute, and what it carried is lost (a box sized by it is 0 px tall). Styles go in adopted sheets,
        // and what varies in custom properties set through the CSSOM (cssProperties(), src/elements/shared/).
        {
          selector:
            'TaggedTemplateExpression[tag.name=/^(html|svg)$/] > TemplateLiteral > TemplateElement[value.raw=/(^|\\s)style\\s*=/]',
          message:
            'No style attribute in a template: a strict CSP refuses it. Use a class, or cssProperties() for what varies.',
        },
        {
          selector: 'ImportDeclaration[source.value=/style-map/]',
          message:
            'No styleMap: its first render writes a style attribute, which a strict CSP refuses. Use cssProperties().',
        },
        {
          selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value='style']",
          message: 'No style attribute set from script: a strict CSP refuses it. Use style.setProperty().',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(style|cssText)$/]',
          message: 'No style written whole as text: a strict CSP refuses it. Use style.setProperty().',
        },
      ],
    },
  },
  {
    // What a reviewer can hold: a function in one screen, a file in one sitting (CSS goes in its own *.styles.ts beside
    // the template). Blank lines and comments do not count: a long comment saying why is never the reason to split.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['src/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    // Provider replies, Puter's catalogue and the Puter SDK are untyped JSON and objects: `any` is allowed
    // where they are read (and checked field by field), nowhere else in src/.
    files: ['src/providers/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // chai's property assertions: expect(x).to.exist
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**', 'demo/server.mjs', 'demo/sim/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Runs inside the benchmark page and the demo's check page, where the bundle defined window.UserPays.
    files: ['bench/in-page.js', 'demo/check.js'],
    languageOptions: { globals: { UserPays: 'readonly' } },
  },
);
