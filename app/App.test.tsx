// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from './App.tsx';
import { createFakeEngine, type FakeEngine } from './test/fakeEngine.ts';
import { renderWithEngine } from './test/renderWithEngine.tsx';
import { installDomShims } from './test/dom.ts';
import { engineStatus, feed, SIX, T0 } from './test/fixtures.ts';

let undo: () => void;
let engine: FakeEngine;

beforeEach(() => {
  undo = installDomShims();
  window.history.replaceState(null, '', '/');
  engine = createFakeEngine(SIX);
});
afterEach(() => {
  cleanup();
  undo();
});

const tableSymbols = () =>
  within(screen.getByTestId('tile-table'))
    .queryAllByRole('row')
    .map((r) => r.getAttribute('data-symbol'))
    .filter(Boolean);

async function renderApp() {
  const result = renderWithEngine(<App />, engine);
  await waitFor(() => expect(screen.getByTestId('heatmap').dataset.tileCount).toBe(String(engine.quotes.length)));
  return result;
}

describe('<App /> against a fake engine', () => {
  it('subscribes with the measured map size and lists every tile in the table', async () => {
    await renderApp();
    expect(engine.views[0]).toMatchObject({ universe: 'sp500', width: 800, height: 600, sectors: [] });
    await waitFor(() => expect(tableSymbols()).toEqual(['AAPL', 'MSFT', 'JPM', 'GS', 'XOM', 'CVX']));
  });

  it('restores the view from the URL and writes changes back to it', async () => {
    window.history.replaceState(null, '', '/?sectors=Energy&palette=blue-orange');
    await waitFor(async () => {
      renderWithEngine(<App />, engine);
      await waitFor(() => expect(screen.getByTestId('heatmap').dataset.tileCount).toBe('2'));
    });
    expect(engine.views.at(-1)).toMatchObject({ sectors: ['Energy'] });
    expect(document.documentElement.dataset.palette).toBe('blue-orange');
    fireEvent.change(screen.getByTestId('size-select'), { target: { value: 'volume' } });
    await waitFor(() => expect(window.location.search).toBe('?sectors=Energy&size=volume&palette=blue-orange'));
    expect(engine.views.at(-1)).toMatchObject({ sizeBy: 'volume' });
  });

  it('searches by symbol or name after a pause in typing, and says so in the URL', async () => {
    await renderApp();
    fireEvent.change(screen.getByTestId('search-input'), { target: { value: 'gold' } });
    await waitFor(() => expect(engine.views.at(-1)?.search).toBe('gold'));
    await waitFor(() => expect(tableSymbols()).toEqual(['GS']));
    expect(window.location.search).toBe('?q=gold');
  });

  it('shows the engine criteria error inline with its position, and no matches as an empty state', async () => {
    window.history.replaceState(null, '', '/?criteria=pct_change%20%3E%3F%3F');
    renderWithEngine(<App />, engine);
    const error = await screen.findByTestId('criteria-error');
    expect(error.dataset.position).toBe('12');
    expect(error.textContent).toContain("unexpected character '?' (at column 13)");
    expect(screen.getByTestId('empty-state').dataset.kind).toBe('bad-criteria');
    fireEvent.click(within(screen.getByTestId('empty-state')).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.queryByTestId('criteria-error')).toBeNull());
    expect(window.location.search).toBe('');
  });

  it('moves between tiles with arrow keys, opens details with Enter and returns focus on Escape', async () => {
    await renderApp();
    const first = await screen.findByRole('button', { name: /^AAPL, Apple Inc\., up 1\.20 %/ });
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const msft = await screen.findByRole('button', { name: /^MSFT, Microsoft, down 0\.50 %/ });
    await waitFor(() => expect(document.activeElement).toBe(msft));
    fireEvent.keyDown(msft, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-symbol')).toBe('GS'));
    fireEvent.click(document.activeElement!);
    const panel = await screen.findByTestId('detail-panel');
    expect(panel.dataset.symbol).toBe('GS');
    await within(panel).findByText('Goldman Sachs');
    expect(await within(panel).findByTestId('sparkline')).toBeTruthy();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('detail-panel')).toBeNull());
    await waitFor(() => expect(document.activeElement?.getAttribute('data-symbol')).toBe('GS'));
  });

  it('marks the detail panel stale when the quote missed an update, and when no data is live at all', async () => {
    engine.quotes = engine.quotes.map((q) => (q.symbol === 'JPM' ? { ...q, stale: true } : q));
    await renderApp();
    const openFromTable = async (symbol: string) => fireEvent.click(await within(screen.getByTestId('tile-table')).findByRole('button', { name: symbol }));
    await openFromTable('JPM');
    const stale = await within(await screen.findByTestId('detail-panel')).findByTestId('detail-stale');
    expect(stale.textContent).toMatch(/^Stale — this quote was not refreshed by the latest update \(/);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('detail-panel')).toBeNull());

    await openFromTable('AAPL');
    const panel = await screen.findByTestId('detail-panel');
    await within(panel).findByText('Apple Inc.');
    expect(within(panel).queryByTestId('detail-stale')).toBeNull();
    act(() => {
      engine.status = engineStatus({ connection: 'offline', stale: true, fromCache: true });
      engine.emit();
    });
    expect((await within(panel).findByTestId('detail-stale')).textContent).toMatch(/^Stale — no live data now; this is the last price received \(/);
  });

  it('zooms into the focused tile sector with Z and back out with Escape, pushing history', async () => {
    await renderApp();
    const first = await screen.findByRole('button', { name: /^AAPL, / });
    act(() => first.focus());
    fireEvent.keyDown(first, { key: 'z' });
    await waitFor(() => expect(screen.getByTestId('zoomed-sector').textContent).toBe('Information Technology'));
    expect(window.location.search).toBe('?zoom=Information+Technology');
    expect(engine.views.at(-1)?.zoomSector).toBe('Information Technology');
    await waitFor(() => expect(screen.getByTestId('heatmap').dataset.tileCount).toBe('2'));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('zoomed-sector')).toBeNull());
    expect(window.location.search).toBe('');
  });

  it('keeps the open panel and the zoom through live ticks', async () => {
    window.history.replaceState(null, '', '/?zoom=Energy');
    renderWithEngine(<App />, engine);
    fireEvent.click(await screen.findByRole('button', { name: /^XOM, / }));
    await screen.findByTestId('detail-panel');
    act(() => engine.tick({ XOM: -1.5, AAPL: 2 }));
    await screen.findByRole('button', { name: /^XOM, Exxon Mobil, down 1\.50 %/ });
    expect(screen.getByTestId('detail-panel').dataset.symbol).toBe('XOM');
    expect(screen.getByTestId('zoomed-sector').textContent).toBe('Energy');
  });

  it('shows the session badge and the banner for the engine status', async () => {
    engine.status = engineStatus({ connection: 'rate_limited', retryAt: T0 + 60_000, feed: feed({ session: { phase: 'closed', label: 'Closed — Thanksgiving Day', holiday: 'Thanksgiving Day', early_close: false, next_change: null, simulated: false } }) });
    await renderApp();
    // Status components take a frame in a transition of their own, after the map's tiles.
    await waitFor(() => expect(screen.getByTestId('session-badge').textContent).toBe('Closed — Thanksgiving Day'));
    const banner = screen.getByTestId('status-banner');
    expect(banner.hidden).toBe(false);
    expect(banner.textContent).toMatch(/^rate-limited — retrying at \d\d:\d\d:\d\d, showing data from (\d+ \w+ )?\d\d:\d\d:\d\d$/);
    act(() => {
      engine.status = engineStatus();
      engine.emit();
    });
    await waitFor(() => expect(screen.getByTestId('status-banner').hidden).toBe(true));
    expect(screen.getByTestId('connection-pill').textContent).toMatch(/^live · updated /);
  });

  it('keeps the banner strip quiet while a live feed has sent no data yet, and shows it once data goes stale', async () => {
    engine.quotes = [];
    engine.status = engineStatus({ stale: true, dataTime: null, receivedAt: null });
    await renderApp();
    await waitFor(() => expect(screen.getByTestId('connection-pill').textContent).toBe('stale'));
    expect(screen.getByTestId('status-banner').hidden).toBe(true);
    act(() => {
      engine.status = engineStatus({ stale: true, receivedAt: T0 });
      engine.emit();
    });
    await waitFor(() => expect(screen.getByTestId('status-banner').hidden).toBe(false));
    expect(screen.getByTestId('status-banner').textContent).toMatch(/^stale — no update since \d\d:\d\d:\d\d$/);
  });

  it('shows "connecting… — showing data from" only when connecting with the cached map lasts 3 s', async () => {
    engine.status = engineStatus({ connection: 'connecting', fromCache: true, stale: true });
    await renderApp();
    await waitFor(() => expect(screen.getByTestId('connection-pill').textContent).toMatch(/^connecting/));
    expect(screen.getByTestId('status-banner').hidden).toBe(true);
    await waitFor(() => expect(screen.getByTestId('status-banner').hidden).toBe(false), { timeout: 4000 });
    expect(screen.getByTestId('status-banner').textContent).toMatch(/^connecting… — showing data from /);
  });

  it('keeps the strip quiet from connecting on the cached map through the socket opening, until its snapshot (no flash of "stale")', async () => {
    engine.status = engineStatus({ connection: 'connecting', fromCache: true, stale: true });
    await renderApp();
    await waitFor(() => expect(screen.getByTestId('connection-pill').textContent).toMatch(/^connecting/));
    // The socket is open; its first snapshot has not come, so the engine still shows the cache.
    act(() => {
      engine.status = engineStatus({ connection: 'live', fromCache: true, stale: true, receivedAt: null });
      engine.emit();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.getByTestId('status-banner').hidden).toBe(true);
    act(() => {
      engine.status = engineStatus({ connection: 'live' });
      engine.emit();
    });
    await waitFor(() => expect(screen.getByTestId('connection-pill').textContent).toMatch(/^live/));
    expect(screen.queryByTestId('status-banner')?.hidden ?? true).toBe(true);
  });

  it('says the market data is unavailable when the upstream is down and nothing is cached', async () => {
    engine.quotes = [];
    engine.status = engineStatus({ dataTime: null, receivedAt: null, feed: feed({ status: 'down', reason: 'provider unreachable', last_update: null }) });
    renderWithEngine(<App />, engine);
    await waitFor(() => expect(screen.getByTestId('empty-state').dataset.kind).toBe('unavailable'));
    const empty = screen.getByTestId('empty-state');
    expect(empty.textContent).toContain('Provider unreachable, and there is no saved data to show yet.');
  });

  it('wallboard: hides the controls, shows the clock bar, and cycles sectors without piling up history', async () => {
    window.history.replaceState(null, '', '/?wallboard=1&cycle=5');
    const lengthBefore = window.history.length;
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await renderApp();
      expect(screen.queryByTestId('filter-controls')).toBeNull();
      expect(screen.getByTestId('wallboard-bar').textContent).toMatch(/^\d\d:\d\dAll sectors/);
      expect(document.documentElement.classList.contains('wallboard')).toBe(true);
      act(() => vi.advanceTimersByTime(5_000));
      expect(new URL(window.location.href).searchParams.get('zoom')).toBe('Information Technology');
      act(() => vi.advanceTimersByTime(5_000));
      expect(new URL(window.location.href).searchParams.get('zoom')).toBe('Financials');
    } finally {
      vi.useRealTimers();
    }
    expect(window.history.length).toBe(lengthBefore);
    expect(engine.views.at(-1)?.zoomSector).toBe('Financials');
  });
});
