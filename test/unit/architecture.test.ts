// The layers must show in the imports: core/ runs under plain Node (no Electron, no DOM
// framework), the renderer reaches the core only through types, and only the shell touches
// Electron. The layer rules are ESLint's (eslint.config.js; test/unit/lint/layers.test.ts proves
// each one on planted imports); here they run over the real tree, so `npm test` holds the line
// even where `npm run lint` is not run.
import { ESLint } from 'eslint';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...files(full, pattern));
    else if (pattern.test(name)) out.push(full);
  }
  return out;
}

describe('store discipline', () => {
  it('every write transaction begins as a writer: db.transaction is called only by writeTransaction', () => {
    const offenders = files(join(root, 'src-main'), /\.ts$/).filter(
      (f) => !f.endsWith(join('store', 'database.ts')) && /\.transaction\(/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});

describe('layering', () => {
  it('src-main and src-renderer pass the ESLint layer rules', async () => {
    const layerRules = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);
    const eslint = new ESLint({
      cwd: root,
      ruleFilter: ({ ruleId }) => layerRules.has(ruleId),
      // Disable comments for the other rules would read as unused once those rules are filtered out.
      overrideConfig: { linterOptions: { reportUnusedDisableDirectives: 'off' } },
    });
    const results = await eslint.lintFiles(['src-main', 'src-renderer']);
    expect(results.length).toBeGreaterThan(100);
    const bad = results.flatMap((r) => r.messages.map((m) => `${relative(root, r.filePath)}:${m.line} ${m.ruleId ?? 'parse'}: ${m.message}`));
    expect(bad).toEqual([]);
  }, 180_000);
});
