/** Canvas colours per theme (the canvas cannot read CSS variables cheaply every frame). */
import type { Theme } from '../state/viewState.ts';
import type { RendererTheme } from './renderer.ts';

export const CANVAS_THEMES: Record<Theme, RendererTheme> = {
  dark: { background: '#0f1117', headerFill: '#1b1e27', headerText: '#d7dae3', industryText: '#8a90a2' },
  light: { background: '#e9ebf0', headerFill: '#d6d9e1', headerText: '#1d2130', industryText: '#4a5063' },
};
