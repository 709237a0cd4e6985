/**
 * A Vite plugin that marks the app's main chunk with V8's explicit compile hint
 * (`//# allFunctionsCalledOnLoad`, https://v8.dev/blog/explicit-compile-hints): the chunk is React
 * and the app, nearly all of which runs in the first render, so Chrome compiles it whole on the
 * background thread that streams it in, instead of function by function on the page's thread
 * during the first render. Browsers without the feature read a comment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export function withCompileHint(code: string): string {
  return code.startsWith(COMPILE_HINT) ? code : `${COMPILE_HINT}\n${code}`;
}

export function compileHint(chunkName: string): Plugin {
  return {
    name: 'compile-hint',
    apply: 'build',
    enforce: 'post',
    // On the written file: the hint only counts on its first line, and Vite puts its preload map
    // there after every plugin's generateBundle.
    writeBundle(options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || file.name !== chunkName) continue;
        const path = join(options.dir ?? '.', file.fileName);
        writeFileSync(path, withCompileHint(readFileSync(path, 'utf8')));
      }
    },
  };
}
