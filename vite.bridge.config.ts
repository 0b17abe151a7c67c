import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The bridge runs under Node: a server-side build of its entry points, dependencies left external.
export default defineConfig({
  publicDir: false,
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  build: {
    ssr: true,
    outDir: 'dist-bridge',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        host: 'src/bridge/native/host.ts',
        cli: 'src/bridge/cli/main.ts',
        // Loaded by `cli.js mcp` at run time; also the package's `./client` export.
        mcp: 'src/mcp/main.ts',
        client: 'src/client/index.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
