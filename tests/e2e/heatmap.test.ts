/**
 * The live heatmap end to end: production build, real relay (simulated market, seed 42), real
 * engine worker, headless Debian Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { StocksResponseSchema, type Quote } from '../../relay/protocol.ts';
import { ensureAppBuild, launchBrowser, openApp, screenshot, startE2eRelay, tileSymbols, waitForTiles, type E2eRelay, type OpenedPage } from './harness.ts';

let relay: E2eRelay;
let browser: Browser;
let opened: OpenedPage[] = [];

beforeAll(async () => {
  await ensureAppBuild();
  relay = await startE2eRelay();
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
  await browser?.close();
  await relay?.stop();
});

async function open(path = '/', viewport?: { width: number; height: number }): Promise<OpenedPage> {
  const o = await openApp(browser, `${relay.base}${path}`, viewport);
  opened.push(o);
  return o;
}

async function close(o: OpenedPage): Promise<void> {
  opened = opened.filter((x) => x !== o);
  await o.close();
}

async function relayQuotes(query = ''): Promise<Quote[]> {
  const res = await fetch(`${relay.base}/api/stocks${query}`);
  return StocksResponseSchema.parse(await res.json()).quotes;
}

/** The colour of the canvas pixel at the centre of each listed tile, as `r,g,b`. */
function tileColors(o: OpenedPage, symbols: string[]) {
  return o.page.evaluate((syms) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.heatmap-canvas')!;
    const ctx = canvas.getContext('2d')!;
    const ratio = canvas.width / canvas.clientWidth;
    const out: Record<string, string> = {};
    for (const sym of syms) {
      const row = document.querySelector<HTMLElement>(`[data-testid="tile-table"] tr[data-symbol="${sym}"]`);
      const rect = row?.dataset.rect?.split(',').map(Number);
      if (!rect) continue;
      const [x, y, w, h] = rect as [number, number, number, number];
      const px = ctx.getImageData(Math.floor((x + w / 2) * ratio), Math.floor((y + h * 0.9) * ratio), 1, 1).data;
      out[sym] = `${px[0]},${px[1]},${px[2]}`;
    }
    return out;
  }, symbols);
}

describe('heatmap in Chromium against the real relay', () => {
  it('renders the whole S&P 500 (≥ 450 tiles) and the table lists exactly the relay’s members', async () => {
    const o = await open();
    const count = await waitForTiles(o.page, 450);
    const expected = (await relayQuotes('?universe=sp500')).map((q) => q.symbol).sort();
    expect(count).toBe(expected.length);
    expect((await tileSymbols(o.page)).sort()).toEqual(expected);
    await expect(o.page.getByTestId('session-badge').textContent()).resolves.toMatch(/Open|Closed|Pre-market|After-hours/);
    await screenshot(o.page, 'desktop-1440');
    expect(o.errors).toEqual([]);
    await close(o);
  });

  it('changes some tiles’ colours and labels within a few seconds', async () => {
    const o = await open();
    await waitForTiles(o.page, 450);
    const symbols = (await tileSymbols(o.page)).slice(0, 60);
    const labelsBefore = await o.page.$$eval('[data-testid="tile-table"] tbody tr', (rows) => rows.slice(0, 60).map((r) => r.textContent));
    const colorsBefore = await tileColors(o, symbols);
    await o.page.waitForFunction(
      (before) => {
        const rows = [...document.querySelectorAll('[data-testid="tile-table"] tbody tr')].slice(0, 60).map((r) => r.textContent);
        return rows.some((t, i) => t !== before[i]);
      },
      labelsBefore,
      { timeout: 8_000 },
    );
    await o.page.waitForTimeout(700); // let the colour transition finish
    const colorsAfter = await tileColors(o, symbols);
    const changed = symbols.filter((s) => colorsBefore[s] !== colorsAfter[s]);
    expect(changed.length).toBeGreaterThan(0);
    await close(o);
  });
});
