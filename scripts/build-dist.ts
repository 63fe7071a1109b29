/**
 * npm run build, after tsc: makes dist/ a folder that runs on its own. Beside the compiled code
 * (dist/src) it gets what the bot reads at run time, and package.json with package-lock.json, so
 *
 *   cd dist && npm ci --omit=dev && node src/index.js
 *
 * works anywhere (the Dockerfile and Azure App Service do exactly this). The bot finds its files
 * from the folder holding package.json (src/paths.ts), which in dist/ is dist/ itself.
 *
 *   tsx scripts/build-dist.ts [--out DIR]   DIR: where tsc wrote (default dist)
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fromRoot } from '../src/paths';

/**
 * What the bot reads besides its compiled code, from the project root: every folder src/ reads
 * with fromRoot() (test/dist.test.ts checks this list against the code), the demo roster (the
 * default ROSTER_FILE) and the package files npm ci installs from. Folders are copied whole,
 * whatever is in them: src/storage/migrations holds one folder of migrations per database.
 */
export const DIST_ASSETS = ['package.json', 'package-lock.json', 'adaptive-cards', 'prompts', 'config', 'src/storage/migrations'] as const;

/** Files that are for development only: the card templates' sample data (scripts/card-samples.ts). */
export const isDevOnly = (path: string): boolean => /\.data\.json$/.test(path);

/** Folders that must never be in dist/: tests, dev scripts, benchmarks, installed packages from the build. */
const NEVER = ['test', 'scripts', 'bench', 'node_modules', 'coverage', 'data'];

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));

/** Copies the assets into `out` (where tsc wrote dist/src) and returns every file of the result, relative to it. */
export const buildDist = (root: string = fromRoot(), out: string = join(root, 'dist')): string[] => {
  if (!existsSync(join(out, 'src', 'index.js'))) throw new Error(`${out} has no src/index.js: run tsc -p tsconfig.build.json first.`);
  for (const asset of DIST_ASSETS) {
    const from = join(root, asset);
    if (!existsSync(from)) throw new Error(`${asset} is missing from ${root}: the bot needs it in dist/.`);
    cpSync(from, join(out, asset), { recursive: true, filter: (source) => !isDevOnly(source) });
  }
  const stray = NEVER.filter((name) => existsSync(join(out, name)));
  if (stray.length) throw new Error(`${out} holds ${stray.join(', ')}: it should hold only what the bot runs. Build it afresh (npm run build removes it first).`);
  return filesUnder(out)
    .map((file) => relative(out, file).split(sep).join('/'))
    .sort();
};

if (require.main === module) {
  try {
    const { values } = parseArgs({ options: { out: { type: 'string' } } });
    const out = resolve(values.out ?? fromRoot('dist'));
    const files = buildDist(fromRoot(), out);
    process.stdout.write(`${relative(process.cwd(), out) || '.'}: ${files.length} files; it runs on its own with npm ci --omit=dev && node src/index.js\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
