import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { findPerson, playgroundConfig } from '../../src/cli/playground-user';
import { fromRoot } from '../../src/paths';
import { readRosterFile } from '../../src/storage/roster-file';

const people = readRosterFile(fromRoot('config', 'roster.demo.json'));

describe('being someone else in the Playground', () => {
  it.each([
    ['sam', 'Sam Taylor'],
    ['Louisa', 'Louisa Jones'],
    ['louisa jones', 'Louisa Jones'],
    ['tanya.miles', 'Tanya Miles'],
    ['demo-david-shaw', 'David Shaw'],
    ['  NATASHA ', 'Natasha Moody'],
  ])('--as %j is %s', (who, name) => {
    expect(findPerson(people, who).name).toBe(name);
  });

  it.each([
    ['nobody', /No one called "nobody" is on the roster\. Try one of: natasha, .*louisa/],
    ['', /No one called "" is on the roster/],
  ])('--as %j names the people one can be', (who, message) => {
    expect(() => findPerson(people, who)).toThrow(message);
  });

  it('an ambiguous name asks which person', () => {
    const twins = [...people, { ...people[0]!, id: 'other-natasha', name: 'Natasha Smith' }];
    expect(() => findPerson(twins, 'natasha')).toThrow('"natasha" could be Natasha Moody or Natasha Smith');
  });

  it('the config speaks as that person, by their roster id, with the five other users the Playground insists on', () => {
    const louisa = findPerson(people, 'louisa');
    const config = parse(playgroundConfig(louisa, people));
    expect(config.currentUser).toMatchObject({ aadObjectId: 'demo-louisa-jones', name: 'Louisa Jones (Contributor)', email: 'louisa.jones@shropshire.example' });
    expect(config.users).toHaveLength(5);
    expect(config.users.map((u: { aadObjectId: string }) => u.aadObjectId)).not.toContain('demo-louisa-jones');
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['version', 'tenantId', 'bot', 'currentUser', 'users', 'personalChat', 'groupChat', 'team']));
    // A tiny roster still gives the Playground five users.
    expect(parse(playgroundConfig(louisa, [louisa])).users).toHaveLength(5);
  });

  it('npm run dev -- --as with someone not on the roster says so in one line and exits 2', () => {
    const run = spawnSync(process.execPath, [fromRoot('node_modules', 'tsx', 'dist', 'cli.mjs'), fromRoot('scripts', 'dev.ts'), '--as', 'nobody'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^No one called "nobody" is on the roster/)]);
  });

  it('--config-only writes the config for that person', () => {
    const run = spawnSync(process.execPath, [fromRoot('node_modules', 'tsx', 'dist', 'cli.mjs'), fromRoot('scripts', 'dev.ts'), '--as', 'tanya', '--config-only'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Tanya Miles (Signatory, Local Authority Chief Executive (CEO))');
    const file = fromRoot('.playground', 'tanya-miles.yml');
    expect(existsSync(file)).toBe(true);
    expect(parse(readFileSync(file, 'utf8')).currentUser.aadObjectId).toBe('00000000-0000-0000-0000-0000000000022');
  });

  it('the real Playground starts with the generated config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-'));
    const configPath = join(dir, 'louisa.yml');
    writeFileSync(configPath, playgroundConfig(findPerson(people, 'louisa'), people));
    const port = String(57000 + Math.floor(Math.random() * 1000));
    const { PORT: _port, ...env } = process.env;
    const child = spawn(fromRoot('node_modules', '.bin', 'agentsplayground'), ['--app-endpoint', 'http://127.0.0.1:9/api/messages', '--channel-id', 'msteams', '--port', port, '--disable-telemetry'], {
      cwd: dir,
      env: { ...env, M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: 'ignore',
    });
    const log = join(dir, 'devTools', 'm365agentsplayground.log');
    try {
      // It logs one of these two lines once it has read its config.
      let text = '';
      for (let i = 0; i < 300 && !/being launched|Failed to start/.test(text); i++) {
        await new Promise((r) => setTimeout(r, 100));
        text = existsSync(log) ? readFileSync(log, 'utf8') : '';
      }
      await new Promise((r) => setTimeout(r, 500));
      text = readFileSync(log, 'utf8');
      expect(text).toContain('being launched');
      expect(text).not.toContain('Failed to start');
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
