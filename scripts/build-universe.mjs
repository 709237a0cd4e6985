// Builds relay/data/universe.json from the public-domain CSVs in relay/data/source/
// (datasets/s-and-p-500-companies and -financials, ODC-PDDL-1.0) plus hand-filled public facts:
// market caps and prices the financials file lacks, and the Nasdaq-100 members outside the S&P 500.
// Re-run with `node scripts/build-universe.mjs` after refreshing the CSVs.
import { readFileSync, writeFileSync } from 'node:fs';

const sourceDir = new URL('../relay/data/source/', import.meta.url);
const outFile = new URL('../relay/data/universe.json', import.meta.url);

/** Minimal RFC 4180 reader: quoted fields may hold commas. */
function readCsv(name) {
  const text = readFileSync(new URL(name, sourceDir), 'utf8').trim();
  const rows = text.split(/\r?\n/).map((line) => {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) { cells.push(cell); cell = ''; }
      else cell += ch;
    }
    cells.push(cell);
    return cells;
  });
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

// Approximate late-2025 public figures: [price USD, market cap USD billions].
const filled = {
  ADI: [230, 115], APO: [135, 78], APP: [600, 200], ARES: [160, 52], AZO: [3900, 66],
  'BRK.B': [490, 1060], BBY: [75, 16], XYZ: [65, 40], BNY: [105, 75], 'BF.B': [30, 14],
  CVNA: [350, 75], CASY: [540, 20], CIEN: [180, 26], COHR: [140, 22], COIN: [280, 72],
  FIX: [900, 32], COO: [75, 15], CRH: [115, 78], DDOG: [150, 52], DAL: [60, 39],
  DASH: [210, 90], ECHO: [75, 21], EME: [600, 27], EL: [90, 33], EXE: [105, 25],
  FDXF: [60, 25], FERG: [240, 47], FISV: [65, 36], FLEX: [60, 23], HD: [360, 360],
  HONA: [200, 130], HRL: [23, 13], HPQ: [25, 24], IBKR: [65, 110], KR: [65, 43],
  LII: [500, 18], LOW: [240, 135], LITE: [300, 21], MRSH: [180, 90], MRVL: [85, 73],
  MU: [220, 245], PSKY: [15, 16], PHM: [120, 24], Q: [95, 20], HOOD: [120, 107],
  CRM: [240, 230], SNDK: [230, 34], TGT: [92, 42], TPL: [900, 21], TKO: [195, 38],
  TTD: [40, 20], VEEV: [240, 40], VRT: [170, 65], WSM: [180, 22], WDAY: [220, 59],
};

// Nasdaq-100 members that are not S&P 500 constituents (approximate, late 2025).
const nasdaqOnly = [
  ['ARM', 'Arm Holdings', 'Information Technology', 'Semiconductors', 140, 148],
  ['ASML', 'ASML Holding', 'Information Technology', 'Semiconductor Materials & Equipment', 1000, 390],
  ['AZN', 'AstraZeneca', 'Health Care', 'Pharmaceuticals', 85, 265],
  ['CCEP', 'Coca-Cola Europacific Partners', 'Consumer Staples', 'Soft Drinks & Non-alcoholic Beverages', 88, 40],
  ['GFS', 'GlobalFoundries', 'Information Technology', 'Semiconductors', 35, 19],
  ['MELI', 'MercadoLibre', 'Consumer Discretionary', 'Broadline Retail', 2100, 106],
  ['MSTR', 'Strategy', 'Information Technology', 'Application Software', 180, 50],
  ['PDD', 'PDD Holdings', 'Consumer Discretionary', 'Broadline Retail', 115, 160],
  ['SHOP', 'Shopify', 'Information Technology', 'Internet Services & Infrastructure', 155, 200],
  ['TEAM', 'Atlassian', 'Information Technology', 'Application Software', 150, 39],
  ['TRI', 'Thomson Reuters', 'Industrials', 'Research & Consulting Services', 160, 72],
  ['ZS', 'Zscaler', 'Information Technology', 'Systems Software', 250, 40],
];

const nasdaq100 = new Set(`AAPL ABNB ADBE ADI ADP ADSK AEP AMAT AMD AMGN AMZN APP ARM ASML AVGO AXON AZN BIIB
BKNG BKR CCEP CDNS CDW CEG CHTR CMCSA COST CPRT CRWD CSCO CSGP CSX CTAS CTSH DASH DDOG DXCM EXC FANG FAST FTNT
GEHC GFS GILD GOOG GOOGL HON IDXX INTC INTU ISRG KDP KHC KLAC LIN LRCX LULU MAR MCHP MDLZ MELI META MNST MRVL
MSFT MSTR MU NFLX NVDA NXPI ODFL ON ORLY PANW PAYX PCAR PDD PEP PLTR PYPL QCOM REGN ROP ROST SBUX SHOP SNPS TEAM
TMUS TRI TSLA TTD TTWO TXN VRSK VRTX WBD WDAY XEL ZS`.split(/\s+/));
const dow30 = new Set(`AAPL AMGN AMZN AXP BA CAT CRM CSCO CVX DIS GS HD HON IBM JNJ JPM KO MCD MMM MRK MSFT NKE
NVDA PG SHW TRV UNH V VZ WMT`.split(/\s+/));

const financials = new Map(readCsv('sp500-financials.csv').map((row) => [row.Symbol, row]));
const members = readCsv('sp500-constituents.csv').map((row) => {
  const fin = financials.get(row.Symbol);
  const fill = filled[row.Symbol];
  const price = fin?.Price ? Number(fin.Price) : fill?.[0];
  const marketCap = fin?.['Market Cap'] ? Number(fin['Market Cap']) : fill && fill[1] * 1e9;
  if (!price || !marketCap) throw new Error(`no price or market cap for ${row.Symbol}`);
  return { symbol: row.Symbol, name: row.Security, sector: row['GICS Sector'],
    industry: row['GICS Sub-Industry'], price, marketCap, sp500: true };
});
for (const [symbol, name, sector, industry, price, capB] of nasdaqOnly) {
  members.push({ symbol, name, sector, industry, price, marketCap: capB * 1e9, sp500: false });
}

const rows = members.map((m) => ({
  symbol: m.symbol, name: m.name, sector: m.sector, industry: m.industry,
  market_cap: Math.round(m.marketCap), ref_price: Math.round(m.price * 100) / 100,
  indices: [m.sp500 && 'sp500', nasdaq100.has(m.symbol) && 'ndx', dow30.has(m.symbol) && 'dow'].filter(Boolean),
}));
for (const s of [...nasdaq100, ...dow30]) {
  if (!rows.some((r) => r.symbol === s)) throw new Error(`index member missing from universe: ${s}`);
}
rows.sort((a, b) => a.symbol.localeCompare(b.symbol));
writeFileSync(outFile, JSON.stringify({
  source: 'datasets/s-and-p-500-companies (2026-08-08) and -financials (2026-08-22), ODC-PDDL-1.0; gaps filled from public facts',
  members: rows,
}, null, 0).replace(/\},\{/g, '},\n{') + '\n');
console.log(`wrote ${rows.length} members`);
