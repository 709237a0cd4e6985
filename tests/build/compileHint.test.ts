import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, withCompileHint } from '../../scripts/compileHint.ts';

describe("V8's compile hint on the app bundle", () => {
  it('withCompileHint(code) puts it on the first line, once', () => {
    expect(withCompileHint('const a=1;')).toBe(`${COMPILE_HINT}\nconst a=1;`);
    expect(withCompileHint(withCompileHint('const a=1;'))).toBe(`${COMPILE_HINT}\nconst a=1;`);
  });

  it('is on the first line of the built app bundle and of no other chunk (npm test builds first)', () => {
    const dir = join('dist', 'app', 'assets');
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const main = scripts.filter((f) => /^main-.*\.js$/.test(f));
    expect(main).toHaveLength(1);
    expect(readFileSync(join(dir, main[0]!), 'utf8').split('\n')[0]).toBe(COMPILE_HINT);
    for (const f of scripts.filter((s) => s !== main[0])) expect(readFileSync(join(dir, f), 'utf8').startsWith(COMPILE_HINT)).toBe(false);
  });
});
