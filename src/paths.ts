import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding package.json, whether we run from src/ (tsx, jest) or dist/src/ (npm start). */
export const projectRoot = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project root (no package.json above this file)');
    dir = parent;
  }
  return dir;
})();

export const fromRoot = (...segments: string[]): string => join(projectRoot, ...segments);
