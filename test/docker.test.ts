import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { posix } from 'node:path';
import { DIST_ASSETS } from '../scripts/build-dist';
import { fromRoot } from '../src/paths';

/**
 * The Dockerfile, checked without Docker (no daemon runs here): its two stages, that the runtime
 * installs production packages only and runs as the node user, that everything the build stage
 * copies exists and is not kept out by .dockerignore, and that its HEALTHCHECK really asks /healthz.
 * scripts/check-dist.sh --install runs what the runtime stage runs (npm ci --omit=dev in dist/, then
 * node src/index.js), for real.
 */

type Instruction = { keyword: string; args: string };
type Stage = { from: string; name?: string; instructions: Instruction[] };

const dockerfile = readFileSync(fromRoot('Dockerfile'), 'utf8');
const stages: Stage[] = [];
for (const line of dockerfile.replace(/\\\n\s*/g, ' ').split('\n')) {
  const m = /^([A-Z]+)\s+(.*)$/.exec(line.trim());
  if (!m || line.trim().startsWith('#')) continue;
  const [keyword, args] = [m[1]!, m[2]!.trim()];
  if (keyword === 'FROM') {
    const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args)!;
    stages.push({ from: from[1]!, name: from[2], instructions: [] });
  } else stages.at(-1)!.instructions.push({ keyword, args });
}
const [build, runtime] = stages as [Stage, Stage];
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const position = (stage: Stage, test: (i: Instruction) => boolean) => stage.instructions.findIndex(test);

/** Whether .dockerignore keeps a path out of the build context (the last matching line decides). */
const dockerignore = readFileSync(fromRoot('.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const ignored = (path: string): boolean => {
  let result = false;
  for (const line of dockerignore) {
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/\/$/, '');
    const glob = pattern
      .split('**')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('.*');
    const regex = new RegExp(`^${glob}(/.*)?$`);
    if (regex.test(path)) result = !negated;
  }
  return result;
};

describe('Dockerfile', () => {
  it('has a build stage and a runtime stage on node:22-bookworm-slim (Node 22 LTS: Node 20 reached end of life in April 2026)', () => {
    expect(stages.map((s) => [s.from, s.name])).toEqual([
      ['node:22-bookworm-slim', 'build'],
      ['node:22-bookworm-slim', 'runtime'],
    ]);
  });

  it('builds with every package and npm run build', () => {
    const runs = all(build, 'RUN');
    expect(runs).toEqual(expect.arrayContaining([expect.stringMatching(/^npm ci\b/), 'npm run build']));
    expect(runs.find((r) => r.startsWith('npm ci'))).not.toMatch(/--omit=dev/);
  });

  it('copies into the build stage everything the build reads, all of it present and none of it kept out by .dockerignore', () => {
    const workdir = all(build, 'WORKDIR')[0]!;
    const sources = all(build, 'COPY').flatMap((args) => args.split(/\s+/).slice(0, -1));
    for (const source of sources) {
      expect([source, existsSync(fromRoot(source))]).toEqual([source, true]);
      expect([source, ignored(source)]).toEqual([source, false]);
    }
    // What npm run build needs: its tsconfig (and the one it extends), the dist script, the code,
    // and every asset dist/ gets.
    const buildScript = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).scripts.build as string;
    const tsconfig = /tsc -p (\S+)/.exec(buildScript)![1]!;
    const extended = JSON.parse(readFileSync(fromRoot(tsconfig), 'utf8')).extends.replace(/^\.\//, '');
    const script = /tsx (\S+)/.exec(buildScript)![1]!;
    const needed = [tsconfig, extended, script, 'src', ...DIST_ASSETS.filter((a) => !a.startsWith('src/'))];
    const covered = (path: string) => sources.some((s) => path === s || path.startsWith(`${s}/`));
    expect(needed.filter((path) => !covered(path))).toEqual([]);
    // npm ci runs before the code is copied, so a code change does not reinstall every package.
    expect(position(build, (i) => i.keyword === 'RUN' && i.args.startsWith('npm ci'))).toBeLessThan(position(build, (i) => i.keyword === 'COPY' && i.args.startsWith('src ')));
    expect(all(runtime, 'COPY')).toEqual([`--from=build ${posix.join(workdir, 'dist')} ./`]);
  });

  it('runs dist/ alone: production packages only, NODE_ENV=production, as the node user, on port 3978', () => {
    expect(all(runtime, 'ENV')).toContain('NODE_ENV=production');
    const install = all(runtime, 'RUN').join(' ');
    expect(install).toMatch(/^npm ci --omit=dev\b/);
    const user = position(runtime, (i) => i.keyword === 'USER');
    expect(all(runtime, 'USER')).toEqual(['node']);
    // Packages are installed as root (the bot cannot change its own code); it then runs as node.
    expect(position(runtime, (i) => i.keyword === 'RUN')).toBeLessThan(user);
    expect(position(runtime, (i) => i.keyword === 'CMD')).toBeGreaterThan(user);
    expect(all(runtime, 'EXPOSE')).toEqual(['3978']);
    expect(JSON.parse(all(runtime, 'CMD')[0]!)).toEqual(['node', 'src/index.js']);
    // The built entry point is dist/src/index.js: tsc compiles src/index.ts there.
    expect(existsSync(fromRoot('src', 'index.ts'))).toBe(true);
  });

  it('keeps secrets, installed packages and builds out of the image', () => {
    for (const path of ['.env', '.env.production', 'env/.env.dev.user', 'node_modules', 'dist', 'data', 'teamsapp/build', '.git']) expect([path, ignored(path)]).toEqual([path, true]);
    expect(ignored('.env.example')).toBe(false);
  });

  describe('its HEALTHCHECK', () => {
    const healthcheck = all(runtime, 'HEALTHCHECK')[0]!;
    const command = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD ') + 4)) as string[];
    let server: Server;
    let status = 200;
    let asked: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        asked.push(req.url ?? '');
        // Not chained: restify, loaded by other tests in the same worker, replaces writeHead with one that returns nothing.
        res.statusCode = status;
        res.end('{}');
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    });
    afterAll(
      () =>
        new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
    );
    beforeEach(() => {
      asked = [];
    });
    const check = (port: number) =>
      new Promise<number | null>((done) => {
        expect(command[0]).toBe('node');
        const child = spawn(process.execPath, command.slice(1), { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
        child.on('exit', (code) => done(code));
      });

    it('uses node (the slim image has no curl), with a grace period for the language model to train', () => {
      expect(healthcheck).toMatch(/--start-period=\d+s/);
      expect(command[0]).toBe('node');
    });

    it('is healthy when /healthz answers 200, and unhealthy on 503 or when nothing answers', async () => {
      const port = (server.address() as AddressInfo).port;
      status = 200;
      expect(await check(port)).toBe(0);
      expect(asked).toEqual(['/healthz']);
      status = 503;
      expect(await check(port)).toBe(1);
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
      const unused = (closed.address() as AddressInfo).port;
      await new Promise<void>((done) => closed.close(() => done()));
      expect(await check(unused)).toBe(1);
    });
  });
});
