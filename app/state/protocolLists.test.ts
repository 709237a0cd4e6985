// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as protocol from '../../relay/protocol.ts';
import { SECTORS, UNIVERSE_IDS, isSector, isUniverse } from './protocolLists.ts';

describe('protocolLists', () => {
  it('SECTORS and UNIVERSE_IDS equal the protocol’s, in order', () => {
    expect(SECTORS).toEqual(protocol.SECTORS);
    expect(UNIVERSE_IDS).toEqual(protocol.UNIVERSE_IDS);
  });

  it('isSector / isUniverse accept exactly the listed names', () => {
    expect(isSector('Energy')).toBe(true);
    expect(isSector('energy')).toBe(false);
    expect(isUniverse('ndx')).toBe(true);
    expect(isUniverse('ftse')).toBe(false);
  });
});
