// Captures the manifest's install-prompt screenshots (app/public/screenshots/) from the real app:
// the production build served by the relay with the simulated market, in Debian's Chromium.
// Run after `npm run build`: node scripts/capture-screenshots.mjs
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../dist/relay/config.js';
import { startRelay } from '../dist/relay/relay.js';

const outDir = new URL('../app/public/screenshots/', import.meta.url).pathname;
mkdirSync(outDir, { recursive: true });
const relay = await startRelay({ config: loadConfig({ BACKEND_HOST: '127.0.0.1', BACKEND_PORT: '0', LOG_LEVEL: 'error', DATA_DIR: mkdtempSync(join(tmpdir(), 'shots-')) }) });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  for (const [name, width, height] of [['wide', 1280, 720], ['narrow', 390, 844]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`http://127.0.0.1:${relay.port}/`);
    await page.waitForTimeout(3000);
    await page.screenshot({ path: join(outDir, `${name}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
  await relay.stop();
}
console.log(`screenshots written to ${outDir}`);
