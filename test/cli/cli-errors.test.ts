import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../../src/paths';

const TSX = fromRoot('node_modules', 'tsx', 'dist', 'cli.mjs');
const STACK = /^\s+at /m;

/** The real command, in its own process, as a person runs it. */
const runCli = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, [TSX, fromRoot('src', 'cli', 'plan.cli.ts'), ...args], { encoding: 'buffer', env: { ...process.env, ...env }, timeout: 120_000 });
const runBot = (env: Record<string, string>) =>
  new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, [TSX, fromRoot('src', 'index.ts')], { env: { ...process.env, ALLOW_UNAUTHENTICATED: 'true', LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill('SIGTERM'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });

describe('the command line and the bot, started wrongly', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-errors-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'plan.db')}` };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a piped export is the whole plan, byte for byte what --out writes (not cut at 64 KiB)', () => {
    const file = join(dir, 'plan.md');
    expect(runCli(['export', '--format', 'md', '--out', file], env).status).toBe(0);
    // A reader slower than the writer, as `| less` or `| head` are: the pipe fills at 64 KiB.
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${TSX}" "${fromRoot('src', 'cli', 'plan.cli.ts')}" export --format md | (sleep 1; cat)`], {
      encoding: 'buffer',
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    expect(piped.status).toBe(0);
    const written = readFileSync(file);
    expect(written.length).toBeGreaterThan(65_536);
    expect(piped.stdout.length).toBe(written.length);
    expect(piped.stdout.equals(written)).toBe(true);
  });

  it('feedback with no --format is the CSV log', () => {
    const run = runCli(['feedback'], env);
    expect(run.status).toBe(0);
    expect(run.stdout.toString()).toMatch(/^"Id","Submitted","Voice","Theme","About"/);
    expect(run.stderr.toString()).toBe('');
  });

  it.each<[string, string[], Record<string, string>, RegExp, number]>([
    ['--out into a folder that does not exist', ['export', '--out', '/no/such/folder/plan.md'], {}, /^The folder \/no\/such\/folder does not exist\.$/, 2],
    ['--out naming a folder', ['export', '--out', '/tmp'], {}, /^\/tmp is a folder: give a file name\.$/, 1],
    ['a PostgreSQL server that is not there', ['export'], { DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/plans' }, /^Cannot reach the PostgreSQL server at 127\.0\.0\.1:1 \(connection refused\): check DATABASE_URL and that the server is running\.$/, 1],
    ['an unknown format', ['export', '--format', 'pdf'], {}, /^Unknown format "pdf" for export: use md or docx\.$/, 2],
  ])('%s: one clear line on stderr, nothing on stdout', (_what, args, extra, message, code) => {
    const run = runCli(args, { ...env, ...extra });
    expect(run.status).toBe(code);
    const lines = run.stderr.toString().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(message)]);
    expect(run.stderr.toString()).not.toMatch(STACK);
    expect(run.stdout.toString()).toBe('');
  });

  describe('the bot', () => {
    let busy: Server;
    let port: number;
    beforeAll(async () => {
      busy = createServer();
      await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
      port = (busy.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((r) => busy.close(() => r())));

    it('on a port already in use says so in one line and exits 1', async () => {
      const run = await runBot({ ...env, PORT: String(port) });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([`Port ${port} is already in use (127.0.0.1:${port}): stop whatever is using it, or set PORT to a free port.`]);
    }, 90_000);

    it('with a PostgreSQL server that is not there says so in one line, without the password, and exits 1', async () => {
      const run = await runBot({ DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/plans', PORT: String(port + 1) });
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(STACK);
      expect(run.stderr).not.toContain('secret');
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Cannot reach the PostgreSQL server at 127\.0\.0\.1:1 \(connection refused\)/)]);
    }, 90_000);
  });
});
