import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app lives in src/web and is served by the Fastify server from dist/web at `/`.
 * In development `npm run dev:web` proxies /api to the server on port 3000.
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // antd + icons make a few large shared chunks; the limit is about noticing regressions, not a hard cap.
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
