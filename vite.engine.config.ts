import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { ENGINE_FILE } from './src/shared/protocol/engine';

// The content script's engine (src/content/README.md): one classic script with every import
// inlined, written beside the extension built by vite.config.ts (run after it, so it is not
// emptied), injected by the service worker with `chrome.scripting.executeScript({ files })`. It
// is not in the manifest and not web-accessible, so pages cannot fetch it.
export default defineConfig({
  publicDir: false,
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'chrome120',
    minify: true,
    rollupOptions: {
      input: 'src/content/engine.ts',
      output: { format: 'iife', entryFileNames: ENGINE_FILE },
    },
  },
});
