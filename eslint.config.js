// ESLint for the whole tree: typescript-eslint's recommended rules (syntax only: type-aware
// linting is too slow on two cores; `npm run typecheck` does the type work), Svelte's, the
// house rules, and the layer rules of ARCHITECTURE.md §2, which test/unit/lint/layers.test.ts
// proves by linting planted imports. Formatting belongs to Prettier (eslint-config-prettier last).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// The only src-main modules the renderer may name, and then only in `import type`: the
// contract, and type-only modules beside it that the contract's types are spelled in.
const RENDERER_TYPE_SOURCES = ['src-main/core/api/contract.ts', 'src-main/core/api/bridge.ts'];

const ELECTRON = '^electron(/|$)'; // electron, electron/main, electron/renderer, electron/common…
const RENDERER_DIR = '(^|/)src-renderer(/|$)';
const SRC_MAIN = '(^|/)src-main/';
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TYPE_SOURCES = `(^|/)(${RENDERER_TYPE_SOURCES.map(escape).join('|')})$`;
const NOT_TYPE_SOURCE = `(^|/)src-main/(?!(${RENDERER_TYPE_SOURCES.map((s) => escape(s.slice('src-main/'.length))).join('|')})$)`;

/**
 * no-restricted-imports sees only `import`/`export … from` (and TS `import x = require()`); these
 * selectors catch what it misses: `import('x')`, `require('x')`, `require.resolve('x')`,
 * `import.meta.resolve('x')`, `module.require('x')`, and types spelled `typeof import('x')`.
 */
function loadsOf(pattern, message) {
  const re = `/${pattern.replace(/\//g, '\\/')}/`;
  return [
    `ImportExpression[source.value=${re}]`,
    `ImportExpression[source.type='TemplateLiteral'][source.quasis.0.value.cooked=${re}]`,
    `CallExpression[callee.name='require'][arguments.0.value=${re}]`,
    `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(require|resolve)$/][arguments.0.value=${re}]`,
    `TSImportType[source.value=${re}]`,
  ].map((selector) => ({ selector, message }));
}

const CORE_NO_ELECTRON = 'src-main/core runs under plain Node: it never loads electron (ARCHITECTURE.md §2). Only src-main/*.ts touch Electron.';
const CORE_NO_RENDERER = 'src-main/core never reaches into src-renderer: the renderer talks to the core through the contract, not the other way.';
const RENDERER_TYPES_ONLY = 'The renderer imports only types from src-main, and only from the contract: use `import type` (ARCHITECTURE.md §2).';
const RENDERER_NOT_THERE = `The renderer may import from src-main only the contract's types (${RENDERER_TYPE_SOURCES.join(', ')}).`;
const RENDERER_NO_ELECTRON = 'The renderer never touches Electron: it talks to the core through lib/api.ts and a Transport.';
const RENDERER_NO_NODE = 'The renderer has no Node: it runs in a sandboxed page or a browser.';
const SHELL_NO_RENDERER = 'The shell loads the renderer as built files (app://), never as imports.';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'out/',
      '.cache/',
      '.scratch/',
      'test/fixtures/generated/',
      'test/artifacts/',
      'bench/results/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // The house: no `any` (unknown, then narrow), nothing unused unless named _x on purpose.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-throw-literal': 'error',
      'no-return-assign': ['error', 'except-parens'],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // noUncheckedIndexedAccess makes `m[1]!` the honest spelling of "the regex matched".
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      // TypeScript (svelte-check) resolves names in components; core no-undef knows no types.
      'no-undef': 'off',
      // `let { a, b } = $props()` is how Svelte 5 spells props; svelte/prefer-const knows the runes.
      'prefer-const': 'off',
      'svelte/prefer-const': 'error',
      // The Maps and Sets in components are bookkeeping, or replaced whole (pages = new Map(pages)),
      // which is how $state sees the change: SvelteMap would track what needs no tracking.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Playwright's page.evaluate callbacks run in the page.
    files: ['test/e2e/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // ── Layers (ARCHITECTURE.md §2) ───────────────────────────────────────────────────────────
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: RENDERER_DIR, message: SHELL_NO_RENDERER }] }],
      'no-restricted-syntax': ['error', ...loadsOf(RENDERER_DIR, SHELL_NO_RENDERER)],
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      // No allowTypeImports: not even electron's types belong in core.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: ELECTRON, message: CORE_NO_ELECTRON },
            { regex: RENDERER_DIR, message: CORE_NO_RENDERER },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...loadsOf(ELECTRON, CORE_NO_ELECTRON), ...loadsOf(RENDERER_DIR, CORE_NO_RENDERER)],
      // Core speaks through return values, events and the job protocol; the CLI prints.
      'no-console': 'error',
    },
  },
  {
    files: ['src-main/core/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: RENDERER_NO_NODE })),
          patterns: [
            { regex: TYPE_SOURCES, allowTypeImports: true, message: RENDERER_TYPES_ONLY },
            { regex: NOT_TYPE_SOURCE, message: RENDERER_NOT_THERE },
            { regex: ELECTRON, message: RENDERER_NO_ELECTRON },
            { regex: '^node:', message: RENDERER_NO_NODE },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        // A type spelled `typeof import('…/contract.ts')` is still only a type.
        ...loadsOf(SRC_MAIN, RENDERER_TYPES_ONLY).filter(({ selector }) => !selector.startsWith('TSImportType')),
        ...loadsOf(NOT_TYPE_SOURCE, RENDERER_NOT_THERE).filter(({ selector }) => selector.startsWith('TSImportType')),
        ...loadsOf(ELECTRON, RENDERER_NO_ELECTRON),
        ...loadsOf('^node:', RENDERER_NO_NODE),
      ],
    },
  },

  svelte.configs.prettier,
  prettier,
);
