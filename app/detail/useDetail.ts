/**
 * The engine's full quote for one symbol, re-fetched every `refreshMs` while shown so volume and
 * market cap stay current. A failed fetch keeps the last good detail.
 */
import { useEffect, useState } from 'react';
import type { Detail, History } from '../../engine/api.ts';
import { useEngine } from '../data/EngineContext.tsx';

type Engine = ReturnType<typeof useEngine>['engine'];
type Fetch<T> = (engine: Engine, symbol: string) => Promise<T>;
// Module-level, so the effect below sees the same function on every render.
const fetchDetail: Fetch<Detail | null> = (engine, symbol) => engine.getDetail(symbol);
const fetchHistory: Fetch<History> = (engine, symbol) => engine.getHistory(symbol);

/** The latest value of `fetch(symbol)`, re-fetched every `refreshMs`; null until the first arrives. */
function useRefreshed<T>(symbol: string | null, refreshMs: number, fetch: Fetch<T>): { symbol: string; value: T } | null {
  const { engine } = useEngine();
  const [latest, setLatest] = useState<{ symbol: string; value: T } | null>(null);
  useEffect(() => {
    if (symbol === null) return;
    let live = true;
    const load = () =>
      fetch(engine, symbol)
        .then((value) => live && setLatest({ symbol, value }))
        .catch((error: unknown) => console.warn(`fetching ${symbol} from the engine failed`, error));
    void load();
    const timer = window.setInterval(load, refreshMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [engine, symbol, refreshMs, fetch]);
  return latest && latest.symbol === symbol ? latest : null;
}

/** undefined while loading; null when the engine has no quote for the symbol. */
export function useDetail(symbol: string | null, refreshMs: number): Detail | null | undefined {
  const latest = useRefreshed(symbol, refreshMs, fetchDetail);
  return latest ? latest.value : undefined;
}

/** Intraday history for the sparkline, refreshed like useDetail. */
export function useHistory(symbol: string | null, refreshMs: number): History | null {
  return useRefreshed(symbol, refreshMs, fetchHistory)?.value ?? null;
}
