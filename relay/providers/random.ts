/**
 * A small seeded random source for the simulated market: sfc32 seeded through splitmix32, with
 * normal (Box–Muller) and unit-variance Student-t draws for fat tails. The same seed always gives
 * the same sequence, on every platform, which is what makes the simulator replayable.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal. */
  normal(): number;
  /** Student-t with integer `nu` (3–100) degrees of freedom, scaled to unit variance. */
  studentT(nu: number): number;
}

/** splitmix32: spreads one 32-bit seed over the generator's state words. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator for `seed` (any number; only its low 32 bits count). */
export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 32-bit output.
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // 1 − u keeps the logarithm finite.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  const studentT = (nu: number): number => {
    if (!Number.isInteger(nu) || nu < 3 || nu > 100) throw new Error(`studentT needs an integer nu in 3..100, got: ${nu}`);
    // χ²(2k) is −2·ln of a product of k uniforms: one logarithm instead of 2k squared normals.
    let product = 1;
    for (let k = 0; k < nu >> 1; k++) product *= 1 - next();
    let chiSquare = -2 * Math.log(product);
    if (nu % 2 === 1) chiSquare += normal() ** 2;
    // A t variable has variance nu / (nu − 2); dividing by its root gives unit variance.
    return normal() / Math.sqrt(chiSquare / nu) / Math.sqrt(nu / (nu - 2));
  };
  return { next, normal, studentT };
}

/** A stable 32-bit hash of `text` mixed with `seed` (FNV-1a), for seed-dependent orderings. */
export function hashString(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
