import { describe, expect, it } from 'vitest';
import { endpointUrl } from './url.ts';

describe('endpointUrl(baseUrl, path, query)', () => {
  it('joins without doubled slashes and encodes the query', () => {
    expect(endpointUrl('https://api.massive.com/', '/v2/x', { tickers: 'BRK.B,AAPL' })).toBe('https://api.massive.com/v2/x?tickers=BRK.B%2CAAPL');
    expect(endpointUrl('http://127.0.0.1:9', '/q')).toBe('http://127.0.0.1:9/q');
  });
});
