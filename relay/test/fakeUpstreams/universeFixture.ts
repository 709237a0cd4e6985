/** Universe members for provider tests: shipped members by symbol, or a synthetic universe of any size. */
import { loadShippedUniverse, syntheticUniverse, type UniverseMember } from '../../universe.ts';

const shipped = new Map(loadShippedUniverse().map((m) => [m.symbol, m]));

/** The shipped members for `symbols` (throws on a symbol the universe lacks, so fixtures stay honest). */
export function membersFor(...symbols: string[]): UniverseMember[] {
  return symbols.map((s) => {
    const member = shipped.get(s);
    if (!member) throw new Error(`not in the shipped universe: ${s}`);
    return member;
  });
}

export function syntheticMembers(count: number): UniverseMember[] {
  return syntheticUniverse(count);
}

/** A FetchContext for tests. */
export function fetchContext(universe: readonly UniverseMember[], now: number, signal: AbortSignal = new AbortController().signal) {
  return { universe, now, signal };
}
