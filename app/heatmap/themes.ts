/**
 * Canvas colours per theme and palette (the canvas cannot read CSS variables cheaply every frame).
 * The up/down text colours match base.css's --up/--down for the same theme and palette.
 */
import type { PaletteId, Theme } from '../state/viewState.ts';
import type { RendererTheme } from './renderer.ts';

const BASE: Record<Theme, Omit<RendererTheme, 'headerUp' | 'headerDown'>> = {
  dark: { background: '#0b0e14', headerFill: '#181c25', headerText: '#d7dae3', industryText: '#8a90a2' },
  light: { background: '#e4e7ee', headerFill: '#d3d7e0', headerText: '#1d2130', industryText: '#4a5063' },
};

const MOVES: Record<Theme, Record<PaletteId, [up: string, down: string]>> = {
  dark: { 'red-green': ['#3ddc6f', '#ff6b6e'], 'blue-orange': ['#5aa9ff', '#ff9a3d'], 'red-up': ['#ff6b6e', '#3ddc6f'] },
  light: { 'red-green': ['#0f6b2a', '#b01c21'], 'blue-orange': ['#1d5fb8', '#a64b00'], 'red-up': ['#b01c21', '#0f6b2a'] },
};

const cache = new Map<string, RendererTheme>();

/** One stable object per combination, so the renderer can tell when the theme really changed. */
export function canvasTheme(theme: Theme, palette: PaletteId): RendererTheme {
  const key = `${theme}/${palette}`;
  let value = cache.get(key);
  if (!value) {
    const [headerUp, headerDown] = MOVES[theme][palette];
    value = { ...BASE[theme], headerUp, headerDown };
    cache.set(key, value);
  }
  return value;
}
