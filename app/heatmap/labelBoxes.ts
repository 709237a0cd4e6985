/** Where each label of a model sits, as painted (for the e2e overlap check and tooling). */
import { fitTileLabel, type LabelOptions } from './labelFit.ts';
import type { TileModel } from './tileModel.ts';

export interface LabelBox {
  symbol: string;
  /** The label block. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The tile it belongs to. */
  tile: { x: number; y: number; w: number; h: number };
  lines: string[];
}

export function labelBoxes(model: TileModel, options: LabelOptions): LabelBox[] {
  const boxes: LabelBox[] = [];
  for (let i = 0; i < model.symbols.length; i++) {
    const x = model.cur.x[i]!, y = model.cur.y[i]!, w = model.cur.w[i]!, h = model.cur.h[i]!;
    const label = fitTileLabel(w, h, model.symbols[i]!, model.values[i]!, options);
    if (!label) continue;
    const cx = x + w / 2, cy = y + h / 2;
    boxes.push({
      symbol: model.symbols[i]!,
      x: cx - label.width / 2,
      y: cy - label.height / 2,
      w: label.width,
      h: label.height,
      tile: { x, y, w, h },
      lines: label.lines.map((l) => l.text),
    });
  }
  return boxes;
}
