// The linter: typescript-eslint's recommended rules, and the architecture as import rules
// (docs/architecture.md, "The parts"). `npm run lint` runs it with prettier's check; `npm test`
// fails on either.
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Where each part may not reach: [the files, the folders they must not import, why]. */
const BOUNDARIES = [
  [
    'src/core',
    [
      'src/editor',
      'src/cli',
      'src/node',
      'src/workers',
      'src/webview',
      'src/activation.ts',
      'src/extension.ts',
      'src/extension.web.ts',
    ],
    'the core is pure: it knows no editor, CLI, Node or webview',
  ],
  [
    'src/core/parse',
    ['src/core/extract', 'src/core/facts', 'src/core/store', 'src/core/corpus'],
    'parsing knows nothing of what is extracted from it',
  ],
  // facts ← store ← corpus: what a fact is, how facts are kept, the corpus of a workspace on top
  [
    'src/core/facts',
    ['src/core/store', 'src/core/corpus'],
    'the language of facts knows nothing of how facts are kept (store/) or gathered (corpus/)',
  ],
  ['src/core/store', ['src/core/corpus'], 'how facts are kept knows nothing of the corpus on top of it'],
  ['src/editor', ['src/cli'], 'the editor and the CLI never import each other: share through src/core'],
  [
    'src/cli',
    ['src/editor', 'src/activation.ts', 'src/extension.ts', 'src/extension.web.ts', 'src/webview'],
    'the editor and the CLI never import each other: share through src/core',
  ],
  [
    'src/webview',
    ['src/editor', 'src/cli', 'src/node', 'src/workers'],
    "webview code runs in a page: it shares only the core's messages",
  ],
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'test/.tmp/**',
      '.vscode-test/**',
      'test/.results/**',
      'test/fixtures/**',
      'bench/.out/**',
      '**/*.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js', '**/*.cjs'],
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle parses the imported files too: with the TypeScript parser
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.mjs', '.js', '.cjs'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.json', '.d.ts'] })],
    },
    rules: {
      // tests and the code name unused parameters and caught errors on purpose (`_entry`, `catch (error)`)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-require-imports': 'off', // the bundles load lazily with require()
      'no-empty': ['error', { allowEmptyCatch: false }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: BOUNDARIES.map(([target, from, message]) => ({
            target: `./${target}`,
            from: from.map((f) => `./${f}`),
            message,
          })),
        },
      ],
    },
  },
  {
    // the core: no `vscode`, no Node built-ins (test/unit/corePurity.test.ts checks the bundle too)
    files: ['src/core/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'src/core never imports vscode: put editor code in src/editor' }] },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'webview code runs in a page' }] }],
    },
  },
);
