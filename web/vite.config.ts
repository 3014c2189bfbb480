import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { PROXIED_PATHS } from './proxiedPaths';
import { DEMO_LOGIN_META } from './src/config/demoLoginMeta';

const API_URL = process.env.API_URL ?? 'http://localhost:3001';

// `vite dev` is always a development setup, so the login page shows the demo account.
// In production the web host (host.ts) decides this at runtime instead.
function demoLoginInDev(): Plugin {
  return {
    name: 'bellhop-demo-login',
    apply: 'serve',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: DEMO_LOGIN_META, content: 'true' }, injectTo: 'head' },
    ],
  };
}

export default defineConfig({
  root: __dirname,
  plugins: [react(), demoLoginInDev()],
  server: {
    port: 3000,
    strictPort: true,
    proxy: Object.fromEntries(
      PROXIED_PATHS.map((p) => [p, { target: API_URL, changeOrigin: true, ws: p === '/socket.io' }]),
    ),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the app; separate chunks stay cached across deploys.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|react-router|react-router-dom|scheduler)\//.test(id)) return 'react';
          if (/node_modules\/(@apollo|graphql|@wry|optimism|zen-observable|ts-invariant)/.test(id)) return 'apollo';
          return 'vendor';
        },
      },
    },
  },
});
