/**
 * Share-class spelling per provider. The relay uses the dot form (`BRK.B`); Yahoo and FMP want
 * `BRK-B`. Massive, Alpaca and Finnhub use the dot form (PROVIDERS.md §0), so their map is the
 * identity, but they still go through here so a provider that differs is a one-word change.
 */
export type SymbolStyle = 'dot' | 'dash';

/** `BRK.B` in the provider's spelling: `BRK.B` (dot) or `BRK-B` (dash). */
export function toProviderSymbol(symbol: string, style: SymbolStyle): string {
  return style === 'dash' ? symbol.replace(/\.([A-Z])$/, '-$1') : symbol;
}

/** The relay's dot form of a provider's symbol; `BRK-B`, `BRK/B` and `BRK.B` all become `BRK.B`. */
export function fromProviderSymbol(symbol: string): string {
  return symbol.trim().toUpperCase().replace(/[-/]([A-Z])$/, '.$1');
}
