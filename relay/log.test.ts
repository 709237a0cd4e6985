import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './log.ts';

describe('createLogger(options)', () => {
  it('redacts secrets, plain and URL-encoded, from every line', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', secrets: ['s3cr3t/key+1'], write: (l) => lines.push(l) });
    log.error('request failed', { url: 'https://x.test/q?apiKey=s3cr3t%2Fkey%2B1', body: 'token s3cr3t/key+1' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('s3cr3t');
    expect(lines[0]).toContain('[redacted]');
  });
  it('drops lines below the level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', write: (l) => lines.push(l) });
    log.info('hello');
    log.warn('careful');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['careful']);
  });
  it('prints a repeated warning once per minute with a count', () => {
    const lines: string[] = [];
    let t = 0;
    const log = createLogger({ level: 'info', write: (l) => lines.push(l), now: () => t });
    for (let i = 0; i < 5; i++) { log.warn('lagging'); t += 1000; }
    t = 61_000;
    log.warn('lagging');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!).repeated).toBe(4);
  });
  it('prints a repeated warning again at once when its fields differ', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', write: (l) => lines.push(l), now: () => 0 });
    log.warn('upstream state changed', { status: 'degraded' });
    log.warn('upstream state changed', { status: 'down' });
    log.warn('upstream state changed', { status: 'down' });
    expect(lines).toHaveLength(2);
  });
  it('redact(text, secrets) ignores secrets too short to be keys', () => {
    expect(redact('abc', ['ab'])).toBe('abc');
  });
});
