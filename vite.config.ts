import { svelte } from '@sveltejs/vite-plugin-svelte';
import { join } from 'node:path';
import { defineConfig } from 'vite';

// The renderer build: static files only, loaded from app://docket (Electron) or the loopback
// server (browser mode). Nothing inline, so the strict CSP needs no exceptions.
export default defineConfig({
  root: join(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [svelte()],
  build: {
    outDir: join(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
});
