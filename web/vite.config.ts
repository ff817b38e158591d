import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { ROUTES } from '../functions/definitions/routes.ts';
import { routeAddresses } from './src/api/route-addresses.ts';

/**
 * `virtual:route-addresses`: each route's method, path and publicness, read from the route table
 * here, at build time, so the browser's script carries the addresses and none of the schemas.
 * A value import of the route table from the web fails the build (types come through `import type`).
 */
const routeAddressesModule = (): Plugin => {
  const id = 'virtual:route-addresses';
  return {
    name: 'route-addresses',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}` ? `export default ${JSON.stringify(routeAddresses(ROUTES))};` : undefined,
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        const table = chunk.type === 'chunk' && Object.keys(chunk.modules).find((m) => /definitions\/routes\b/.test(m));
        if (table) this.error(`${table} is in the browser's script: import the route table's types with import type`);
      }
    },
  };
};

/**
 * The web portal: a single-page React app built to web/dist, served locally by the runtime's
 * static server (lib/local/web-server.ts) and in AWS from a private S3 bucket behind CloudFront.
 * It learns the API's address at run time from /config.json, so one build serves every stage.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [routeAddressesModule()],
  // The pages are written and typed against React's API, and the browser runs Preact's compat layer
  // (decision 59): React DOM alone was 190 of the script's 410 KB; Preact with compat is about 12.
  resolve: {
    alias: [
      // USWDS's fonts and images (its package exports none of its files by path).
      {
        find: /^uswds-dist\//,
        replacement: `${fileURLToPath(new URL('../node_modules/@uswds/uswds/dist/', import.meta.url))}`,
      },
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
    ],
  },
  css: {
    preprocessorOptions: {
      // USWDS's packages are found by name (`@use "usa-banner"`); its own deprecation notices are
      // about its source, not ours.
      scss: {
        loadPaths: [fileURLToPath(new URL('../node_modules/@uswds/uswds/packages', import.meta.url))],
        quietDeps: true,
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      // Compiling USWDS's Sass takes most of the build's few seconds; that is expected, not a warning.
      checks: { bundlerTimings: false },
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for server-component bundlers; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        // React API that Preact's compat layer lacks is an error (a named import of one fails as
        // MISSING_EXPORT already). The one exception: react-router reads React 19's useOptimistic by a
        // computed name and falls back without it; the portal makes no optimistic updates.
        if (warning.code === 'IMPORT_IS_UNDEFINED') {
          if (/react-router/.test(warning.id ?? '') && warning.message.includes('useOptimistic')) return;
          throw new Error(warning.message);
        }
        warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
