import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildDist, DIST_ASSETS } from '../scripts/build-dist';
import { fromRoot } from '../src/paths';

/**
 * npm run build makes dist/ a folder that runs on its own. Here: what scripts/build-dist.ts copies,
 * on a made-up project, and that its list covers everything the code reads. scripts/check-dist.sh
 * (run by .ci/run) builds the real one, moves it away from the project and starts the bot from it.
 */

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
const write = (root: string, path: string, text = path) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

describe('npm run build: dist/ runs on its own', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-dist-'));
    for (const path of [
      'package.json',
      'package-lock.json',
      'adaptive-cards/status.json',
      'adaptive-cards/status.data.json',
      'prompts/draft-section/skprompt.txt',
      'prompts/draft-section/config.json',
      'config/roster.demo.json',
      'src/storage/migrations/sqlite/001-initial.sql',
      'src/storage/migrations/postgres/001-initial.sql',
      'src/storage/migrations/postgres/later/002-more.sql',
      'src/index.ts',
      'test/config.test.ts',
      'dist/src/index.js',
      'dist/src/paths.js',
    ])
      write(root, path);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies the package files and every asset folder whole, whatever migrations it holds, and no sample data or tests', () => {
    expect(buildDist(root, join(root, 'dist'))).toEqual([
      'adaptive-cards/status.json',
      'config/roster.demo.json',
      'package-lock.json',
      'package.json',
      'prompts/draft-section/config.json',
      'prompts/draft-section/skprompt.txt',
      'src/index.js',
      'src/paths.js',
      'src/storage/migrations/postgres/001-initial.sql',
      'src/storage/migrations/postgres/later/002-more.sql',
      'src/storage/migrations/sqlite/001-initial.sql',
    ]);
    expect(readFileSync(join(root, 'dist', 'src/storage/migrations/postgres/later/002-more.sql'), 'utf8')).toBe('src/storage/migrations/postgres/later/002-more.sql');
  });

  it('refuses to make a dist/ without compiled code, without an asset, or with tests in it', () => {
    expect(() => buildDist(root, join(root, 'elsewhere'))).toThrow(/elsewhere has no src\/index.js: run tsc -p tsconfig.build.json first/);
    rmSync(join(root, 'prompts'), { recursive: true });
    expect(() => buildDist(root, join(root, 'dist'))).toThrow(/^prompts is missing from .*: the bot needs it in dist\/\.$/);
    write(root, 'prompts/draft-section/skprompt.txt');
    write(root, 'dist/test/config.test.js');
    expect(() => buildDist(root, join(root, 'dist'))).toThrow(/holds test: it should hold only what the bot runs/);
  });

  it('the list covers every file and folder the code reads from the project root', () => {
    const code = filesUnder(fromRoot('src')).filter((f) => f.endsWith('.ts'));
    const read = code.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/fromRoot\(([^)]*)\)/g)]
        .map((m) => [...m[1]!.matchAll(/^\s*'([^']+)'|,\s*'([^']+)'/g)].map((s) => s[1] ?? s[2]))
        .filter((segments) => segments.length > 0)
        .map((segments) => ({ file, path: segments.join('/') })),
    );
    expect(read.map((r) => r.path)).toEqual(expect.arrayContaining(['adaptive-cards', 'prompts']));
    const uncovered = read.filter(({ path }) => !DIST_ASSETS.some((asset) => path === asset || path.startsWith(`${asset}/`) || asset.startsWith(`${path}/`)));
    expect(uncovered).toEqual([]);
    // The default roster is read from where the bot starts: in dist/, dist/config.
    expect(readFileSync(fromRoot('src', 'config.ts'), 'utf8')).toContain("ROSTER_FILE: z.string().trim().min(1).default('config/roster.demo.json')");
    expect(DIST_ASSETS).toContain('config');
  });

  it('npm run build starts from nothing, compiles only src/, then adds the rest; CI starts the result away from the project', () => {
    const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'));
    expect(pkg.scripts.build).toBe('rimraf dist && tsc -p tsconfig.build.json && tsx scripts/build-dist.ts');
    expect(JSON.parse(readFileSync(fromRoot('tsconfig.build.json'), 'utf8')).include).toEqual(['src']);
    // botbuilder-dialogs' install script runs `npx rimraf`: npm ci --omit=dev must install it.
    expect(Object.keys(pkg.dependencies)).toContain('rimraf');
    expect(readFileSync(fromRoot('.ci', 'run'), 'utf8')).toMatch(/^scripts\/check-dist\.sh\b/m);
  });
});
