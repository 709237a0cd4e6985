/** The view's theme and mode on <html>, without React: boot.ts applies it before the app has loaded. */
import type { PaletteId, Theme } from '../state/viewState.ts';

/**
 * Puts the view's theme, palette and wallboard mode on the document (CSS variables, the browser's
 * colour scheme and theme colour). boot.ts calls it from the URL before the app's code has loaded,
 * so the static frame in index.html already has the right colours.
 */
export function applyDocumentTheme(theme: Theme, palette: PaletteId, wallboard: boolean): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.dataset.palette = palette;
  root.style.colorScheme = theme;
  root.classList.toggle('wallboard', wallboard);
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', theme === 'dark' ? '#0b0e14' : '#f4f5f8');
}
