import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Resolved through the package, not a path relative to this file, so the lookup works the
// same from the .ts sources, the bundled main process (the package stays external) and tests.
const require = createRequire(import.meta.url);

let dejaVu: Uint8Array | null = null;

export function dejaVuFontPath(): string {
  return require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
}

/** DejaVu Sans: wide Unicode coverage for laid-out pages and the invisible text layer. */
export function dejaVuSans(): Uint8Array {
  dejaVu ??= new Uint8Array(readFileSync(dejaVuFontPath()));
  return dejaVu;
}

/** No ligatures: a ligature glyph would extract as "ﬁ" and break search for the word. */
export const plainFeatures = { liga: false, clig: false, dlig: false, rlig: false, calt: false } as const;
