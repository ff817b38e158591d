import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The web portal: a single-page React app built to web/dist, served locally by the runtime's
 * static server (lib/local/web-server.ts) and in AWS from a private S3 bucket behind CloudFront.
 * It learns the API's address at run time from /config.json, so one build serves every stage.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      // react-router marks its modules "use client" for server-component bundlers; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
