/** Puts the theme and mode on <html> so CSS variables and the browser chrome follow them. */
import { useEffect } from 'react';
import type { PaletteId, Theme } from '../state/viewState.ts';
import { applyDocumentTheme } from './documentTheme.ts';

export function useDocumentTheme(theme: Theme, palette: PaletteId, wallboard: boolean): void {
  useEffect(() => applyDocumentTheme(theme, palette, wallboard), [theme, palette, wallboard]);
}
