import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  plugins: [
    crx({
      manifest: manifest as ManifestV3Export,
      // One classic script with every import inlined: no loader that imports chunks by URL, so
      // no file has to be web-accessible and pages cannot detect the extension by fetching one
      // (README "Security model").
      contentScripts: { standaloneFiles: ['src/content/loader.ts'] },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, target: 'chrome120', minify: true },
});
