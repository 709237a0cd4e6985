/** Colours as packed 0xRRGGBB numbers: cheap to store in typed arrays and compare. */
export type PackedRgb = number;

export function unpackRgb(c: PackedRgb): [number, number, number] {
  return [(c >> 16) & 255, (c >> 8) & 255, c & 255];
}

export function cssRgb(c: PackedRgb): string {
  return `#${c.toString(16).padStart(6, '0')}`;
}
