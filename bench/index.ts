// `npm run bench [-- name...]`: runs the named benchmarks (all when none is named) and prints
// their figures. Timings are measured here, never asserted in tests.
const benches: Record<string, () => Promise<void>> = {
  ingest: async () => (await import('./ingest.ts')).benchIngest(),
  detect: async () => (await import('./detect.ts')).benchDetect(),
  inference: async () => (await import('./inference.ts')).benchInference(),
  export: async () => (await import('./export.ts')).benchExport(),
  ui: async () => (await import('./ui.ts')).benchUi(),
  lag: async () => (await import('./lag.ts')).benchLag(),
  ocr: async () => (await import('./ocr.ts')).benchOcr(),
  builtin: async () => (await import('./builtin.ts')).benchBuiltin(),
  scale: async () => (await import('./scale.ts')).benchScale(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in benches));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}. Choose from: ${Object.keys(benches).join(', ')}.`);
  process.exit(1);
}
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  await benches[name]!();
  console.log('');
}
