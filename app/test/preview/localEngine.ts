/**
 * A dev-only, in-thread engine for looking at the UI without a relay: a seeded random market of
 * `count` stocks run through the real engine's view model (filter, layout, stats). Used by
 * app/test/preview/index.html; never part of the production bundle.
 */
import { SECTORS, type Quote } from '../../../relay/protocol.ts';
import { DEFAULT_VIEW, type EngineStatus, type Frame, type History } from '../../../engine/api.ts';
import { createViewModel } from '../../../engine/viewModel.ts';
import { frameFor } from '../../../engine/frame.ts';
import type { AppEngine } from '../../data/EngineContext.tsx';

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = ['Apex', 'Blue', 'Cedar', 'Delta', 'Ember', 'Fern', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kite', 'Lumen', 'Maple', 'North', 'Onyx', 'Pine'];

export function createLocalEngine(count: number, tickMs: number, status: Partial<EngineStatus> = {}): AppEngine {
  const rnd = random(42);
  const now = Date.now();
  const quotes: Quote[] = Array.from({ length: count }, (_, i) => {
    const sector = SECTORS[i % SECTORS.length]!;
    const prev = 20 + rnd() * 400;
    const pct = (rnd() - 0.5) * 6;
    const letters = [26 * 26 * 26, 26 * 26, 26, 1].map((d) => String.fromCharCode(65 + (Math.floor((i * 7919 + 13) / d) % 26))).join('').slice(i % 3 === 0 ? 1 : 0);
    return {
      symbol: letters, name: `${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]} Inc.`, sector, industry: `${sector} ${1 + (i % 3)}`,
      indices: ['sp500'], price: prev * (1 + pct / 100), change: (prev * pct) / 100, pct_change: pct, volume: Math.round(rnd() * 2e7),
      market_cap: 1e9 * Math.pow(3000, rnd() * rnd()), prev_close: prev, timestamp: now, stale: i % 97 === 0, stale_since: i % 97 === 0 ? now - 120_000 : null,
    };
  });
  const unique = new Map(quotes.map((q) => [q.symbol, q]));
  const market = [...unique.values()];
  const vm = createViewModel(DEFAULT_VIEW);
  const listeners = new Set<(f: Frame) => void>();
  let seq = 0;
  let seen: number | null = null;
  const engineStatus = (): EngineStatus => ({
    connection: 'live', feed: { status: 'ok', reason: null, retry_at: null, provider: 'simulated', last_update: Date.now(), stale: false,
      session: { phase: 'regular', label: 'Open', holiday: null, early_close: false, next_change: null, simulated: true } },
    dataTime: Date.now(), receivedAt: Date.now(), stale: false, fromCache: false, retryAt: null, invalidMessages: 0, storage: 'ok', ...status,
  });
  const emit = () => {
    const frame = frameFor(vm.compute(unique), { seq: ++seq, status: engineStatus(), seenVersion: seen, owned: false });
    seen = frame.layout?.version ?? seen;
    for (const l of listeners) l(frame);
  };
  window.setInterval(() => {
    for (let k = 0; k < market.length / 10; k++) {
      const q = market[Math.floor(rnd() * market.length)]!;
      q.pct_change = Math.max(-9, Math.min(9, q.pct_change + (rnd() - 0.5) * 0.6));
      q.price = q.prev_close * (1 + q.pct_change / 100);
    }
    emit();
  }, tickMs);
  return {
    async subscribe(view, onFrame) {
      vm.setView(view);
      seen = null;
      listeners.add(onFrame);
      emit();
      return () => listeners.delete(onFrame);
    },
    async setView(view) {
      vm.setView(view);
      emit();
    },
    async getDetail(symbol) {
      const quote = unique.get(symbol);
      return quote ? { quote: { ...quote }, age: 3000 } : null;
    },
    async getHistory(symbol): Promise<History> {
      const q = unique.get(symbol);
      const t = Float64Array.from({ length: 120 }, (_, i) => now - (120 - i) * 60_000);
      let p = q?.prev_close ?? 100;
      return { t, price: Float64Array.from(t, () => (p *= 1 + (rnd() - 0.5) * 0.004)) };
    },
    async getFilters() {
      return null;
    },
  };
}
