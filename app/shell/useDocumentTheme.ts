/** Puts the theme and mode on <html> so CSS variables and the browser chrome follow them. */
import { useEffect } from 'react';
import type { PaletteId, Theme } from '../state/viewState.ts';

export function useDocumentTheme(theme: Theme, palette: PaletteId, wallboard: boolean): void {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.palette = palette;
    root.style.colorScheme = theme;
    root.classList.toggle('wallboard', wallboard);
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', theme === 'dark' ? '#0b0e14' : '#f4f5f8');
  }, [theme, palette, wallboard]);
}
