import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The worker thread of the job pool (src/main/jobs/pool.ts) starts from its own file.
        input: { index: resolve('src/main/index.ts'), worker: resolve('src/main/jobs/worker.ts') },
        // Only the CLI and the tests print PDFs through playwright-core; the desktop app uses
        // Electron's own printToPDF, so the test tool stays out of the app's bundle.
        external: ['playwright-core'],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules or node_modules: one CommonJS bundle.
      rollupOptions: {
        input: { index: resolve('src/main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
