/** Inline SVG icons (no icon font, so they render identically everywhere, offline included). */
const common = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const, 'aria-hidden': true };

export const TableIcon = () => (
  <svg {...common}>
    <path d="M3 5h18M3 12h18M3 19h18M9 5v14" />
  </svg>
);

export const SunIcon = () => (
  <svg {...common}>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
  </svg>
);

export const MoonIcon = () => (
  <svg {...common}>
    <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
  </svg>
);

export const WallboardIcon = () => (
  <svg {...common}>
    <rect x="2" y="4" width="20" height="13" rx="1.5" />
    <path d="M8 21h8M12 17v4" />
  </svg>
);

export const CloseIcon = () => (
  <svg {...common}>
    <path d="M6 6l12 12M18 6L6 18" />
  </svg>
);

export const FilterIcon = () => (
  <svg {...common}>
    <path d="M3 5h18l-7 8v6l-4-2v-4z" />
  </svg>
);
