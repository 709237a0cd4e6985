// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { MAP_PLACE_KEY, recallMapPlace, rememberMapPlace } from './mapPlace.ts';

const desk = { viewportWidth: 1440, viewportHeight: 900, wallboard: false };
const place = { left: 0, top: 94, width: 1176, height: 806 };

afterEach(() => localStorage.clear());

describe('rememberMapPlace / recallMapPlace', () => {
  it('gives back the place for the same window and mode', () => {
    rememberMapPlace(place, desk);
    expect(recallMapPlace(desk)).toEqual(place);
  });

  it('gives nothing for another window size or mode: the layout there is not known', () => {
    rememberMapPlace(place, desk);
    expect(recallMapPlace({ ...desk, viewportWidth: 1280 })).toBeNull();
    expect(recallMapPlace({ ...desk, viewportHeight: 800 })).toBeNull();
    expect(recallMapPlace({ ...desk, wallboard: true })).toBeNull();
  });

  it('gives nothing for what is not a place', () => {
    expect(recallMapPlace(desk)).toBeNull();
    for (const stored of ['{', 'null', '[]', JSON.stringify({ ...place, ...desk, width: 0 }), JSON.stringify({ ...place, ...desk, top: 'x' }), JSON.stringify({ ...place, ...desk, left: -5 })]) {
      localStorage.setItem(MAP_PLACE_KEY, stored);
      expect(recallMapPlace(desk)).toBeNull();
    }
  });
});
