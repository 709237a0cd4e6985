/**
 * The engine's full quote for one symbol, re-fetched every `refreshMs` while shown so volume and
 * market cap stay current. A failed fetch keeps the last good detail.
 */
import { useEffect, useState } from 'react';
import type { Detail, History } from '../../engine/api.ts';
import { useEngine } from '../data/EngineContext.tsx';

/** undefined while loading; null when the engine has no quote for the symbol. */
export function useDetail(symbol: string | null, refreshMs: number): Detail | null | undefined {
  const { engine } = useEngine();
  const [detail, setDetail] = useState<{ symbol: string; value: Detail | null } | null>(null);
  useEffect(() => {
    if (symbol === null) return;
    let live = true;
    const load = () =>
      engine
        .getDetail(symbol)
        .then((value) => live && setDetail({ symbol, value }))
        .catch((error: unknown) => console.warn(`getDetail(${symbol}) failed`, error));
    void load();
    const timer = window.setInterval(load, refreshMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [engine, symbol, refreshMs]);
  return detail && detail.symbol === symbol ? detail.value : undefined;
}

/** Intraday history for the sparkline, refreshed like useDetail. */
export function useHistory(symbol: string | null, refreshMs: number): History | null {
  const { engine } = useEngine();
  const [history, setHistory] = useState<{ symbol: string; value: History } | null>(null);
  useEffect(() => {
    if (symbol === null) return;
    let live = true;
    const load = () =>
      engine
        .getHistory(symbol)
        .then((value) => live && setHistory({ symbol, value }))
        .catch((error: unknown) => console.warn(`getHistory(${symbol}) failed`, error));
    void load();
    const timer = window.setInterval(load, refreshMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [engine, symbol, refreshMs]);
  return history && history.symbol === symbol ? history.value : null;
}
