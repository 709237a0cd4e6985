/**
 * The protocol's fixed lists (sectors in map order, universe ids) for the page. They mirror
 * relay/protocol.ts, which stays the single definition: the types below fail to compile if the
 * two ever differ, and protocolLists.test.ts compares the values. The page keeps its own copy
 * because importing protocol.ts at run time would pull zod (~60 KB minified) into the main
 * bundle for two arrays; validation with zod belongs to the worker.
 */
import type { SECTORS as PROTOCOL_SECTORS, UNIVERSE_IDS as PROTOCOL_UNIVERSES, Sector, UniverseId } from '../../relay/protocol.ts';

export const SECTORS = [
  'Information Technology',
  'Financials',
  'Health Care',
  'Consumer Discretionary',
  'Communication Services',
  'Industrials',
  'Consumer Staples',
  'Energy',
  'Utilities',
  'Real Estate',
  'Materials',
] as const;

export const UNIVERSE_IDS = ['sp500', 'ndx', 'dow', 'synthetic'] as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that the copies match the protocol exactly, order included. */
export const LISTS_MATCH_PROTOCOL: Same<typeof SECTORS, typeof PROTOCOL_SECTORS> & Same<typeof UNIVERSE_IDS, typeof PROTOCOL_UNIVERSES> = true;

export const isSector = (value: string): value is Sector => (SECTORS as readonly string[]).includes(value);
export const isUniverse = (value: string): value is UniverseId => (UNIVERSE_IDS as readonly string[]).includes(value);
