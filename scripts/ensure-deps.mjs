// Installs what is missing so `npm start` and `npm test` work on a fresh clone:
// - node_modules, via `npm install` (which follows package-lock.json) when it is absent or older
//   than the lock file. Not `npm ci`: vite lists an optional Windows-only dependency that this
//   registry does not serve, so it is absent from the lock file and `npm ci` refuses the lock;
// - with --browser, Debian's Chromium for the browser tests (apt-get, as root) when absent.
// Runs with Node alone: it must work before any dependency is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });
const mtime = (path) => statSync(new URL(path, new URL('..', import.meta.url))).mtimeMs;

function ensureNodeModules() {
  const marker = 'node_modules/.package-lock.json';
  const fresh = existsSync(new URL(`../${marker}`, import.meta.url)) && mtime(marker) >= mtime('package-lock.json');
  if (fresh) return;
  console.log('[ensure-deps] installing npm dependencies (npm install, from package-lock.json)…');
  run('npm install --no-audit --no-fund');
}

export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() !== 0) {
    console.error(`[ensure-deps] ${CHROMIUM_PATH} is missing; install it with: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  console.log('[ensure-deps] installing Debian chromium for the browser tests…');
  run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
}

ensureNodeModules();
if (process.argv.includes('--browser')) ensureChromium();
