// The layers must show in the imports: core/ runs under plain Node (no Electron, no DOM
// framework), the renderer reaches the core only through types, and only the shell touches
// Electron.
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

function imports(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const source = readFileSync(file, 'utf8');
  const found: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    found.push({ spec: m[3]!, typeOnly: Boolean(m[2]) });
  }
  for (const m of source.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

describe('store discipline', () => {
  it('every write transaction begins as a writer: db.transaction is called only by writeTransaction', () => {
    const offenders = files(join(root, 'src-main'), /\.ts$/).filter((f) => !f.endsWith(join('store', 'database.ts')) && /\.transaction\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});

describe('layering', () => {
  it('src-main/core never imports electron', () => {
    const offenders = files(join(root, 'src-main', 'core'), /\.ts$/).filter((f) => imports(f).some((i) => i.spec === 'electron'));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('the renderer imports only types from src-main, and never electron or Node built-ins', () => {
    const bad: string[] = [];
    for (const file of files(join(root, 'src-renderer'), /\.(ts|svelte)$/)) {
      for (const { spec, typeOnly } of imports(file)) {
        if (spec === 'electron' || spec.startsWith('node:')) bad.push(`${relative(root, file)} → ${spec}`);
        if (spec.includes('src-main/') && !typeOnly) bad.push(`${relative(root, file)} → ${spec} (value import)`);
      }
    }
    expect(bad).toEqual([]);
  });
});
