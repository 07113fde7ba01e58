import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// This file's folder, without node:path so the web tsconfig needs no Node types.
const webRoot = decodeURIComponent(new URL('.', import.meta.url).pathname);

/**
 * @utrecht/component-library-react (and its *-react sub-packages) ship barrel modules whose
 * `X.displayName = 'X'` statements count as side effects, so Rollup keeps every component (accordion, drawer, …) even when unused
 * (ARCHITECTURE §6). displayName only labels React DevTools; drop it in production builds so unused
 * components shake out. Lines are emptied, not removed, so the source map stays valid.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'koers:utrecht-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!/@utrecht[\\/][a-z-]+-react[\\/]dist[\\/]index\.mjs$/.test(id)) return null;
      return { code: code.replace(/^\w+\.displayName = '[^'\n]*';$/gm, ''), map: null };
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), utrechtTreeShaking()],
  build: {
    // Relative to root: /work/main/dist/web, served by the Fastify server.
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Issue #10 item 6: no source maps, so none can be public in production.
    sourcemap: false,
    rollupOptions: {
      // The *-react sub-packages call forwardRef without a /*#__PURE__*/ annotation.
      treeshake: { manualPureFunctions: ['forwardRef'] },
      output: {
        // React and the router change rarely: keep them in their own long-cached chunk.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@tanstack)\//.test(id)) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
