import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compileHint } from './scripts/compileHint.ts';
import { manifestLinkAtRuntime } from './scripts/manifestLink.ts';

const relayPort = Number(process.env.BACKEND_PORT ?? 8000);
const THEME = '#0b0e14';
/** Identifies the deployed build (shown to automation and support as <meta name="app-build">). */
const BUILD_ID = process.env.BUILD_ID ?? new Date().toISOString();

// The app lives in app/ and is built to dist/app, which the relay serves on its own port.
// REACT_APP_* variables are exposed to the app (the names users already know) alongside VITE_*.
export default defineConfig({
  root: 'app',
  envDir: '..',
  envPrefix: ['VITE_', 'REACT_APP_'],
  plugins: [
    react(),
    { name: 'build-id', transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'app-build', content: BUILD_ID }, injectTo: 'head' }] },
    // The app bundle (main.tsx's chunk, React included) compiled whole off the page's thread.
    compileHint('main'),
    VitePWA({
      // The app asks before activating a new service worker ("new version — reload"); a wallboard
      // applies it by itself at a quiet moment. Registration is done by the app with workbox-window.
      registerType: 'prompt',
      injectRegister: false,
      // Icons (192, 512, maskable, apple-touch, favicon) are rendered from app/public/favicon.svg
      // at build time and injected into the manifest. The HTML head links them itself (index.html):
      // the preset's `<link rel=icon href=favicon.svg>` made Chromium parse the SVG as a document on
      // the page's thread during start-up (≈ 40 ms on this machine; the PNG and ICO decode off it).
      // index.html has its theme-color meta (documentTheme.ts follows the theme in it): no second one.
      pwaAssets: { image: 'public/favicon.svg', preset: 'minimal-2023', overrideManifestIcons: true, includeHtmlHeadLinks: false, injectThemeColor: false },
      manifest: {
        id: '/',
        name: 'Live Market Heatmap',
        short_name: 'Heatmap',
        description: 'Live stock-market heatmap of the S&P 500: tiles sized by market cap, coloured by % change, usable offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME,
        background_color: THEME,
        categories: ['finance', 'business'],
        screenshots: [
          { src: 'screenshots/wide.png', sizes: '1280x720', type: 'image/png', form_factor: 'wide', label: 'S&P 500 heatmap on a wide screen' },
          { src: 'screenshots/narrow.png', sizes: '390x844', type: 'image/png', form_factor: 'narrow', label: 'Heatmap on a phone' },
        ],
      },
      workbox: {
        // Precache the whole app shell so it opens with no network. Precache entries are
        // revisioned together, so an old service worker never mixes in a new build's assets.
        // (The plugin adds manifest.webmanifest itself; globbing it too is a conflicting entry.)
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        // Install-prompt screenshots are only fetched by the browser's install UI, online.
        globIgnores: ['screenshots/**'],
        // Deep links open the shell offline; API and socket paths never get the shell instead.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/ws\//],
        cleanupOutdatedCaches: true,
        // The first worker takes control of the open tab at once, so it works offline without a
        // reload; later versions still wait for the user (or a wallboard's quiet moment).
        clientsClaim: true,
        inlineWorkboxRuntime: true,
        // No runtime caching for /api: market data must not be served stale behind the engine's
        // back. Offline, API requests fail fast and the engine shows its IndexedDB copy instead.
        runtimeCaching: [],
      },
    }),
    // The manifest's <link> is added by the app once start-up is over (app/pwa/manifestLink.ts).
    manifestLinkAtRuntime(),
  ],
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
