/** Market-cap buckets as the usual size classes; each maps to the engine's capMin/capMax range. */
export const CAP_BUCKETS = ['all', 'mega', 'large', 'mid', 'small'] as const;
export type CapBucket = (typeof CAP_BUCKETS)[number];

const B = 1e9;

const RANGES: Record<CapBucket, { min: number | null; max: number | null; label: string }> = {
  all: { min: null, max: null, label: 'All caps' },
  mega: { min: 200 * B, max: null, label: 'Mega ≥ $200B' },
  large: { min: 10 * B, max: 200 * B, label: 'Large $10–200B' },
  mid: { min: 2 * B, max: 10 * B, label: 'Mid $2–10B' },
  small: { min: null, max: 2 * B, label: 'Small < $2B' },
};

/** USD bounds for a bucket; null bounds are open. */
export function capRange(bucket: CapBucket): { min: number | null; max: number | null } {
  const { min, max } = RANGES[bucket];
  return { min, max };
}

export function capLabel(bucket: CapBucket): string {
  return RANGES[bucket].label;
}

export function isCapBucket(value: string): value is CapBucket {
  return (CAP_BUCKETS as readonly string[]).includes(value);
}
