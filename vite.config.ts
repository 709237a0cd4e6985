import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const relayPort = Number(process.env.BACKEND_PORT ?? 8000);

// The app lives in app/ and is built to dist/app, which the relay serves on its own port.
// REACT_APP_* variables are exposed to the app (the names users already know) alongside VITE_*.
export default defineConfig({
  root: 'app',
  envDir: '..',
  envPrefix: ['VITE_', 'REACT_APP_'],
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: '../dist/app',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    // `npx vite` for app development against a relay started separately on BACKEND_PORT.
    proxy: {
      '/api': `http://127.0.0.1:${relayPort}`,
      '/ws': { target: `ws://127.0.0.1:${relayPort}`, ws: true },
    },
  },
});
