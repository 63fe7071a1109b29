import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../src/config';
import { loadEnvFile } from '../src/env-file';
import { fromRoot } from '../src/paths';

const tsx = fromRoot('node_modules', '.bin', 'tsx');

describe('settings from .env', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'env-file-'));
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the file into the environment, and a variable already set wins, even when set to nothing', () => {
    // In a process of its own: jest gives each test file a copy of process.env that Node's loader does not write to.
    const file = join(dir, '.env');
    writeFileSync(file, '# a comment\nSEND_TEST_FROM_FILE=file\nSEND_TEST_BOTH=file\nSEND_TEST_EMPTY=file\nSEND_TEST_QUOTED="two words"\n');
    const script = `const { loadEnvFile } = require(${JSON.stringify(fromRoot('src', 'env-file.ts'))});
      const read = loadEnvFile(${JSON.stringify(file)});
      const pick = (n) => process.env[n];
      console.log(JSON.stringify({ read, fromFile: pick('SEND_TEST_FROM_FILE'), both: pick('SEND_TEST_BOTH'), empty: pick('SEND_TEST_EMPTY'), quoted: pick('SEND_TEST_QUOTED') }));`;
    const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: fromRoot(), env: { ...saved, SEND_TEST_BOTH: 'environment', SEND_TEST_EMPTY: '' }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ read: file, fromFile: 'file', both: 'environment', empty: '', quoted: 'two words' });
  });

  it('does nothing without a file, and says which file it could not read', () => {
    expect(loadEnvFile(join(dir, '.env'))).toBeUndefined();
    mkdirSync(join(dir, 'folder.env'));
    expect(() => loadEnvFile(join(dir, 'folder.env'))).toThrow(ConfigError);
    expect(() => loadEnvFile(join(dir, 'folder.env'))).toThrow(/folder\.env: cannot be read as a settings file/);
  });

  it('npm run plan reads ./.env from where it is started, and the real environment wins over it', () => {
    writeFileSync(join(dir, '.env'), `DATABASE_URL=sqlite:${join(dir, 'from-file.db')}\nROSTER_FILE=${fromRoot('config', 'roster.demo.json')}\n`);
    const plan = (env: NodeJS.ProcessEnv = {}) => {
      // Only what a shell would pass on: none of this test process's settings.
      const { DATABASE_URL: _d, ROSTER_FILE: _r, PLAN_ID: _p, NODE_ENV: _n, ...base } = saved;
      return spawnSync(tsx, [fromRoot('src', 'cli', 'plan.cli.ts'), 'check'], { cwd: dir, env: { ...base, ...env }, encoding: 'utf8' });
    };
    const fromFile = plan();
    expect(fromFile.stderr).toBe('');
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toMatch(/Core minimum requirements/);
    expect(existsSync(join(dir, 'from-file.db'))).toBe(true);

    const fromEnvironment = plan({ DATABASE_URL: `sqlite:${join(dir, 'from-env.db')}` });
    expect(fromEnvironment.status).toBe(0);
    expect(existsSync(join(dir, 'from-env.db'))).toBe(true);

    // A mistake in .env is reported as one, naming the setting.
    writeFileSync(join(dir, '.env'), 'PLAN_ID=Not A Plan Id\n');
    const wrong = plan();
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/PLAN_ID: PLAN_ID uses lower-case letters/);
  }, 60_000);
});
