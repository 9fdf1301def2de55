// `npm run build`: the renderer with Vite, the Electron main, preload and inference host with
// esbuild. Native and large packages stay external: electron-builder ships them from
// node_modules (unpacked from asar), and the CLI runs the TypeScript sources directly.
import { build as esbuild } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';

const root = join(import.meta.dirname, '..');
const external = [
  'electron',
  'better-sqlite3',
  'onnxruntime-node',
  '@huggingface/transformers',
  '@napi-rs/canvas',
  'pdfjs-dist',
  'sharp',
  'ws',
  'mammoth',
  'pdf-lib',
  '@pdf-lib/fontkit',
  'csv-parse',
  'libphonenumber-js',
  'dejavu-fonts-ttf',
  // OCR: the engine loads its worker script and wasm core from node_modules, and its models from
  // the data packages, by path.
  'tesseract.js',
  '@tesseract.js-data/eng',
  '@tesseract.js-data/osd',
  'utif2',
];

export async function buildMain(): Promise<void> {
  const common = { bundle: true, platform: 'node' as const, target: 'node22', sourcemap: true, external, logLevel: 'warning' as const };
  await esbuild({
    ...common,
    format: 'esm',
    entryPoints: {
      main: join(root, 'src-main/main.ts'),
      'inference-host': join(root, 'src-main/core/inference/host.ts'),
      'job-host': join(root, 'src-main/core/jobs/job-host.ts'),
    },
    outdir: join(root, 'dist/main'),
    outExtension: { '.js': '.mjs' },
    // ESM output still needs require() for the CommonJS packages that esbuild inlines.
    banner: { js: "import { createRequire as __docketRequire } from 'node:module'; const require = __docketRequire(import.meta.url);" },
  });
  // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  await esbuild({
    ...common,
    format: 'cjs',
    entryPoints: [join(root, 'src-main/preload.ts')],
    outfile: join(root, 'dist/main/preload.cjs'),
    external: ['electron'],
  });
}

export async function buildRenderer(): Promise<void> {
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

if (import.meta.main) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  await Promise.all([buildRenderer(), buildMain()]);
  console.log('Built dist/renderer and dist/main.');
}
