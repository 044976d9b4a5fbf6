import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { META_CONTENT_SECURITY_POLICY } from './src/main/csp';

/**
 * Writes the policy of src/main/csp.ts into index.html as a <meta>, first in <head> so it
 * governs every script: the page keeps its policy even where no header is sent, and the
 * meta and the header cannot drift apart.
 */
export const contentSecurityPolicyMeta: Plugin = {
  name: 'watchbill-csp-meta',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

export default defineConfig({
  main: {
    build: {
      // Dependencies are bundled, tree-shaken, into a few files: Node resolving and loading
      // hundreds of modules from node_modules cost each CLI command more than its work did.
      // better-sqlite3 stays outside (a native module, built per runtime) and so does
      // playwright-core (loaded only to print a PDF from the CLI).
      externalizeDeps: false,
      rollupOptions: {
        // The worker thread of the job pool (src/main/jobs/pool.ts) starts from its own file.
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli/index.ts'),
          worker: resolve('src/main/jobs/worker.ts'),
        },
        // Only the CLI and the tests print PDFs through playwright-core; the desktop app uses
        // Electron's own printToPDF, so the test tool stays out of the app's bundle.
        external: ['better-sqlite3', 'playwright-core'],
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
    plugins: [contentSecurityPolicyMeta, react()],
  },
});
