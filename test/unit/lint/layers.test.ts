// The layer rules of ARCHITECTURE.md §2 are ESLint rules (eslint.config.js). Here ESLint's own
// Node API lints planted snippets at paths inside each layer, so a rule that is removed,
// loosened or pointed at the wrong folder fails a test instead of silently letting imports by.
// Errors count only when they come from the layer rules: `require('electron')` is also caught by
// no-require-imports, which would otherwise hide a missing layer rule.
import { ESLint, type Linter } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const LAYER_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);

const CORE = 'src-main/core/export/__planted__.ts';
const CORE_DEEP = 'src-main/core/api/handlers/__planted__.ts';
const CLI = 'src-main/core/cli/commands/__planted__.ts';
const SHELL = 'src-main/__planted__.ts';
const RENDERER = 'src-renderer/lib/__planted__.ts';
const COMPONENT = 'src-renderer/components/__Planted__.svelte';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
}, 120_000);

async function lint(path: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages;
}

async function layerErrors(path: string, code: string): Promise<string[]> {
  return (await lint(path, code)).filter((m) => m.severity === 2 && LAYER_RULES.has(m.ruleId ?? '')).map((m) => `${m.ruleId}: ${m.message}`);
}

function svelte(script: string, markup = ''): string {
  return `<script lang="ts">\n${script}\n</script>\n${markup}\n`;
}

describe('core never loads electron, in any form', () => {
  it.each([
    ['a side-effect import', CORE, `import 'electron';`],
    ['a named import from electron/main', CORE, `import { app } from 'electron/main';\nexport const a = app;`],
    ['a default import', CORE_DEEP, `import electron from 'electron';\nexport const e = electron;`],
    ['electron/renderer', CORE, `import { ipcRenderer } from 'electron/renderer';\nexport const r = ipcRenderer;`],
    ['electron/common', CORE, `import { shell } from 'electron/common';\nexport const s = shell;`],
    ['a type-only import', CORE, `import type { App } from 'electron';\nexport type A = App;`],
    ['a re-export', CORE, `export * from 'electron';`],
    ['a named re-export', CORE, `export { app } from 'electron/main';`],
    ['a dynamic import', CORE, `export const electron = await import('electron');`],
    ['a dynamic import of a subpath', CORE, `export const main = await import('electron/main');`],
    ['a dynamic import in a template literal', CORE, 'export const main = await import(`electron/main`);'],
    ['require', CORE, `export const electron = require('electron');`],
    ['require.resolve', CORE, `export const where = require.resolve('electron');`],
    ['import.meta.resolve', CORE, `export const where = import.meta.resolve('electron');`],
    ['a type spelled typeof import()', CORE, `export type Electron = typeof import('electron');`],
    ['the CLI too', CLI, `import { app } from 'electron';\nexport const a = app;`],
  ])('%s is an error', async (_name, path, code) => {
    const errors = await layerErrors(path, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/plain Node/);
  });

  it.each([
    ['src-renderer by value', CORE, `import { createApi } from '../../../src-renderer/lib/api.ts';\nexport const c = createApi;`],
    ['src-renderer by type', CORE_DEEP, `import type { Api } from '../../../../src-renderer/lib/api.ts';\nexport type A = Api;`],
    ['src-renderer dynamically', CORE, `export const api = await import('../../../src-renderer/lib/api.ts');`],
  ])('a core import of %s is an error', async (_name, path, code) => {
    const errors = await layerErrors(path, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/never reaches into src-renderer/);
  });

  it('core may import Node, packages and the rest of core', async () => {
    const code = `import { join } from 'node:path';\nimport { z } from 'zod';\nimport { DocketError } from '../errors.ts';\nexport const all = [join, z, DocketError];`;
    expect(await lint(CORE, code)).toEqual([]);
  });

  it('a string that merely says electron is not an import', async () => {
    expect(await lint(CORE, `export const names = ['electron', String('electron/main')];`)).toEqual([]);
  });
});

describe('the renderer reaches src-main only through the contract, and only for types', () => {
  const contract = '../../src-main/core/api/contract.ts';

  it.each([
    ['a type import of the contract', RENDERER, `import type { Label } from '${contract}';\nexport type L = Label;`],
    [
      'a type import of the preload bridge type',
      RENDERER,
      `import type { DocketBridge } from '../../src-main/core/api/bridge.ts';\nexport type B = DocketBridge;`,
    ],
    ['a type re-export of the contract', RENDERER, `export type { Channel } from '${contract}';`],
    ['renderer modules and svelte', RENDERER, `import { mount } from 'svelte';\nimport { createApi } from './api.ts';\nexport const all = [mount, createApi];`],
    [
      'a component importing a contract type',
      COMPONENT,
      svelte(`  import type { Label } from '../../src-main/core/api/contract.ts';\n  let { label }: { label: Label } = $props();`, '<p>{label.name}</p>'),
    ],
  ])('%s is fine', async (_name, path, code) => {
    // Not only no layer error: nothing at all, so a snippet the config ignores would fail too.
    expect(await lint(path, code)).toEqual([]);
  });

  it('a type spelled typeof import() of the contract passes the layer rules (house style prefers import type)', async () => {
    expect(await layerErrors(RENDERER, `export type Contract = typeof import('${contract}');`)).toEqual([]);
  });

  it.each([
    ['a value import of the contract', RENDERER, `import { channels } from '${contract}';\nexport const c = channels;`],
    ['a side-effect import of the contract', RENDERER, `import '${contract}';`],
    ['a value re-export of the contract', RENDERER, `export { channels } from '${contract}';`],
    ['a dynamic import of the contract', RENDERER, `export const contract = await import('${contract}');`],
    [
      'a value import of the contract in a component',
      COMPONENT,
      svelte(`  import { channels } from '../../src-main/core/api/contract.ts';\n  const names = Object.keys(channels);`, '<p>{names.length}</p>'),
    ],
  ])('%s is an error', async (_name, path, code) => {
    const errors = await layerErrors(path, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/only types from src-main/);
  });

  it('an inline `import { type X }` of the contract is an error: it stays a runtime import under verbatimModuleSyntax', async () => {
    const messages = await lint(RENDERER, `import { type Label } from '${contract}';\nexport type L = Label;`);
    expect(messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-import-type-side-effects');
  });

  it.each([
    ['a type import of another core module', RENDERER, `import type { Db } from '../../src-main/core/store/database.ts';\nexport type D = Db;`],
    [
      'a value import of another core module',
      RENDERER,
      `import { openDatabase } from '../../src-main/core/store/database.ts';\nexport const o = openDatabase;`,
    ],
    ['a type import of the shell', RENDERER, `import type { bridge } from '../../src-main/preload.ts';\nexport type B = typeof bridge;`],
    ['a type spelled typeof import() of another module', RENDERER, `export type Db = typeof import('../../src-main/core/store/database.ts');`],
    [
      'a type import of another core module in a component',
      COMPONENT,
      svelte(`  import type { Db } from '../../src-main/core/store/database.ts';\n  let { db }: { db: Db } = $props();`, '<p>{String(db)}</p>'),
    ],
  ])('%s is an error', async (_name, path, code) => {
    const errors = await layerErrors(path, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/only the contract's types/);
  });

  it.each([
    ['electron', RENDERER, `import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;`, /never touches Electron/],
    ['electron/renderer types', RENDERER, `import type { IpcRenderer } from 'electron/renderer';\nexport type R = IpcRenderer;`, /never touches Electron/],
    ['node:fs', RENDERER, `import { readFileSync } from 'node:fs';\nexport const r = readFileSync;`, /has no Node/],
    ['fs', RENDERER, `import { readFileSync } from 'fs';\nexport const r = readFileSync;`, /has no Node/],
    ['node:path in a component', COMPONENT, svelte(`  import { join } from 'node:path';\n  const p = join('a', 'b');`, '<p>{p}</p>'), /has no Node/],
  ])('%s in the renderer is an error', async (_name, path, code, message) => {
    const errors = await layerErrors(path, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });
});

describe('the shell', () => {
  it('may import electron and core', async () => {
    const code = `import { app } from 'electron';\nimport { DocketError } from './core/errors.ts';\nexport const all = [app, DocketError];`;
    expect(await lint(SHELL, code)).toEqual([]);
  });

  it('loads the renderer as files, never as imports', async () => {
    const errors = await layerErrors(SHELL, `import { createApi } from '../src-renderer/lib/api.ts';\nexport const c = createApi;`);
    expect(errors.join('\n')).toMatch(/as built files/);
  });
});
