// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bannerFor } from './bannerText.ts';
import { engineStatus, feed, T0 } from '../test/fixtures.ts';

const utc = { timeZone: 'UTC' };
const now = T0 + 90_000;

describe('bannerFor(status, now)', () => {
  it('says `live` with the live tone when connected and the upstream is fine', () => {
    expect(bannerFor(engineStatus(), now, utc)).toEqual({ tone: 'live', short: 'live', text: 'live' });
  });

  it('says `reconnecting…` while the engine reconnects', () => {
    expect(bannerFor(engineStatus({ connection: 'reconnecting' }), now, utc)).toMatchObject({ tone: 'info', text: 'reconnecting…' });
  });

  it('says `polling` when the engine fell back to REST polling', () => {
    expect(bannerFor(engineStatus({ connection: 'polling' }), now, utc)).toMatchObject({ tone: 'info', text: 'polling' });
  });

  it('says when it retries and which data is shown while rate-limited', () => {
    const status = engineStatus({ connection: 'rate_limited', retryAt: T0 + 60_000, dataTime: T0 - 5_000 });
    expect(bannerFor(status, now, utc)).toMatchObject({ tone: 'warn', text: 'rate-limited — retrying at 15:31:00, showing data from 15:29:55' });
  });

  it('reports a rate-limited upstream even over a healthy socket, using the relay retry time', () => {
    const status = engineStatus({ feed: feed({ status: 'rate_limited', retry_at: T0 + 30_000 }) });
    expect(bannerFor(status, now, utc).text).toBe('rate-limited — retrying at 15:30:30, showing data from 15:30:00');
  });

  it('says `offline — showing data from HH:MM`, with the date when the data is from another day', () => {
    expect(bannerFor(engineStatus({ connection: 'offline' }), now, utc).text).toBe('offline — showing data from 15:30');
    const yesterday = engineStatus({ connection: 'offline', dataTime: T0 - 86_400_000 });
    expect(bannerFor(yesterday, now, utc).text).toBe('offline — showing data from 14 Jan 15:30');
    expect(bannerFor(engineStatus({ connection: 'offline', dataTime: null }), now, utc).text).toBe('offline — no data yet');
  });

  it('says the upstream is down when the relay reports it', () => {
    const status = engineStatus({ feed: feed({ status: 'down', retry_at: T0 + 10_000 }) });
    expect(bannerFor(status, now, utc)).toMatchObject({ tone: 'warn', text: 'upstream down — retrying at 15:30:10, showing data from 15:30:00' });
  });

  it('flags a silent feed as stale with the time of the last update', () => {
    const status = engineStatus({ stale: true, receivedAt: T0 - 20_000 });
    expect(bannerFor(status, now, utc)).toMatchObject({ tone: 'warn', text: 'stale — no update since 15:29:40' });
  });

  it('shows cached data while connecting', () => {
    const status = engineStatus({ connection: 'connecting', fromCache: true });
    expect(bannerFor(status, now, utc).text).toBe('connecting… — showing data from 15:30');
  });

  it('still says connecting (not stale) once the socket is open but its first snapshot has not come', () => {
    const status = engineStatus({ connection: 'live', fromCache: true, stale: true, receivedAt: null });
    expect(bannerFor(status, now, utc)).toMatchObject({ tone: 'info', short: 'connecting', text: 'connecting… — showing data from 15:30' });
  });
});
