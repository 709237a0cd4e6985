import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig(env)', () => {
  it('runs the simulated market on port 8000 with no variables at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ provider: 'simulated', port: 8000, pollIntervalMs: 5000, maxRetries: 3, corsOrigins: [] });
  });
  it('treats empty variables (as in .env.example) as unset', () => {
    expect(loadConfig({ STOCK_PROVIDER: '', BACKEND_PORT: '', POLL_INTERVAL_SECONDS: '' }).port).toBe(8000);
  });
  it('uses the named provider only when a key is given', () => {
    expect(loadConfig({ STOCK_PROVIDER: 'finnhub' }).provider).toBe('simulated');
    expect(loadConfig({ STOCK_PROVIDER: 'finnhub', STOCK_API_KEY: 'k123' }).provider).toBe('finnhub');
    expect(loadConfig({ STOCK_API_KEY: 'k123' }).provider).toBe('massive');
    expect(loadConfig({ STOCK_PROVIDER: 'simulated', STOCK_API_KEY: 'k123' }).provider).toBe('simulated');
  });
  it('splits CORS_ORIGINS', () => {
    expect(loadConfig({ CORS_ORIGINS: 'http://a.test, http://b.test' }).corsOrigins).toEqual(['http://a.test', 'http://b.test']);
  });
  it('names every bad variable without echoing the key', () => {
    expect(() => loadConfig({ BACKEND_PORT: '99999', STOCK_PROVIDER: 'yahoo', STOCK_API_KEY: 'secret-key-1' }))
      .toThrow(/BACKEND_PORT.*STOCK_PROVIDER|STOCK_PROVIDER.*BACKEND_PORT/);
    try {
      loadConfig({ MAX_RETRIES: 'many', STOCK_API_KEY: 'secret-key-1' });
    } catch (error) {
      expect(String(error)).toContain('MAX_RETRIES');
      expect(String(error)).not.toContain('secret-key-1');
    }
  });
});
