/**
 * Label font sizes in CSS px: the smallest worth drawing and the cap. Apart from the renderer so the
 * page can name them without loading it (the map is painted in a worker where it can be).
 */
export interface LabelSizes {
  min: number;
  max: number;
}

export const LABEL_SIZES: LabelSizes = { min: 9, max: 36 };
/** Larger on the wallboard, read from across a room. */
export const WALLBOARD_LABEL_SIZES: LabelSizes = { min: 13, max: 84 };

export function labelSizesFor(wallboard: boolean): LabelSizes {
  return wallboard ? WALLBOARD_LABEL_SIZES : LABEL_SIZES;
}
