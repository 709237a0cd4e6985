import { describe, expect, it } from 'vitest';
import { engineConfigFromEnv, resolveEndpoints } from './config.ts';

const page = { origin: 'https://heatmap.example.com' };

describe('engineConfigFromEnv(env, location)', () => {
  it('defaults to the page origin, its wss URL and 5 s polling', () => {
    expect(engineConfigFromEnv({}, page)).toEqual({
      apiBaseUrl: 'https://heatmap.example.com',
      wsUrl: 'wss://heatmap.example.com/ws/stocks',
      pollIntervalMs: 5000,
    });
  });

  it('derives the WebSocket URL from an explicit API base', () => {
    const config = engineConfigFromEnv({ REACT_APP_API_BASE_URL: 'http://localhost:8000/' }, page);
    expect([config.apiBaseUrl, config.wsUrl]).toEqual(['http://localhost:8000', 'ws://localhost:8000/ws/stocks']);
  });

  it('resolves a relative base against the page and keeps an explicit WS URL', () => {
    const config = engineConfigFromEnv({ REACT_APP_API_BASE_URL: '/relay', REACT_APP_WS_URL: 'ws://feed:9000/ws/stocks', REACT_APP_POLL_INTERVAL_MS: '2500' }, page);
    expect(config).toEqual({ apiBaseUrl: 'https://heatmap.example.com/relay', wsUrl: 'ws://feed:9000/ws/stocks', pollIntervalMs: 2500 });
  });

  it('reports a bad poll interval and uses the default; clamps a tiny one', () => {
    const warnings: string[] = [];
    expect(engineConfigFromEnv({ REACT_APP_POLL_INTERVAL_MS: 'soon' }, page, (m) => warnings.push(m)).pollIntervalMs).toBe(5000);
    expect(warnings).toEqual(['REACT_APP_POLL_INTERVAL_MS: not a positive number: soon; using 5000']);
    expect(engineConfigFromEnv({ REACT_APP_POLL_INTERVAL_MS: '10' }, page).pollIntervalMs).toBe(500);
  });

  it('reports an unparseable URL and falls back to the origin', () => {
    const warnings: string[] = [];
    const config = engineConfigFromEnv({ REACT_APP_API_BASE_URL: 'http://[::1' }, page, (m) => warnings.push(m));
    expect(config.apiBaseUrl).toBe('https://heatmap.example.com');
    expect(warnings[0]).toMatch(/^REACT_APP_API_BASE_URL: not a URL/);
  });
});

describe('resolveEndpoints(config, origin)', () => {
  it('fills empty fields from the worker origin', () => {
    expect(resolveEndpoints({ apiBaseUrl: '', wsUrl: '', pollIntervalMs: 1000 }, 'http://127.0.0.1:8000')).toEqual({
      stocksUrl: 'http://127.0.0.1:8000/api/stocks',
      filtersUrl: 'http://127.0.0.1:8000/api/filters',
      wsUrl: 'ws://127.0.0.1:8000/ws/stocks',
    });
  });
});
