// npm run dev: the bot (on SQLite with the demo plan) and Microsoft 365 Agents Playground, a
// Teams-like chat in the browser. Ctrl+C stops both.
//
//   npm run dev                   you are the Playground config's current user (Natasha Moody, SRO)
//   npm run dev -- --as tanya     you are Tanya Miles: a Playground of her own, on the next free
//                                 port, against the bot that is already running (or a new one)
//
// The Playground cannot switch users, so each person gets their own config (under .playground/)
// and their own Playground; run one per person to try a journey between two people.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { configSlug, describePerson, findPerson, playgroundConfig } from '../src/cli/playground-user';
import { loadEnvFile } from '../src/env-file';
import { fromRoot } from '../src/paths';
import { readRosterFile } from '../src/storage/roster-file';

// Settings from ./.env first (variables set in the environment win); the bot started below inherits them.
try {
  loadEnvFile();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const args = process.argv.slice(2);
const asIndex = args.indexOf('--as');
const who = asIndex >= 0 ? args[asIndex + 1] : undefined;
const onlyWrite = args.includes('--config-only');
const port = process.env.PORT ?? '3978';
const bin = (name: string) => fromRoot('node_modules', '.bin', name);

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const freePort = (from: number): Promise<number> =>
  new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(freePort(from + 1)));
    server.listen(from, '127.0.0.1', () => server.close(() => done(from)));
  });

const botIsUp = async (): Promise<boolean> => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
};

const children: ChildProcess[] = [];
const stopAll = (code: number) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500);
};
const run = (name: string, command: string, commandArgs: string[], env: NodeJS.ProcessEnv) => {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  child.on('exit', (code) => {
    console.log(`${name} stopped (${code ?? 'signal'}); stopping the rest.`);
    stopAll(code ?? 0);
  });
  children.push(child);
};
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const main = async () => {
  if (asIndex >= 0 && !who) fail('Say who to be, e.g. npm run dev -- --as sam');
  let configPath: string | undefined;
  let person: string | undefined;
  if (who) {
    const rosterFile = resolve(process.env.ROSTER_FILE ?? fromRoot('config', 'roster.demo.json'));
    let chosen;
    let people;
    try {
      people = readRosterFile(rosterFile);
      chosen = findPerson(people, who);
    } catch (error) {
      return fail((error as Error).message);
    }
    mkdirSync(fromRoot('.playground'), { recursive: true });
    configPath = fromRoot('.playground', `${configSlug(chosen)}.yml`);
    writeFileSync(configPath, playgroundConfig(chosen, people));
    person = describePerson(chosen);
    if (onlyWrite) {
      console.log(`${person}: ${configPath}`);
      return;
    }
  }

  // Local use only: the Playground sends unsigned requests, so they are allowed explicitly (the
  // bot then listens on 127.0.0.1 only). A second person's Playground shares the running bot.
  if (await botIsUp()) console.log(`Using the bot already running on port ${port}.`);
  else run('bot', bin('tsx'), ['src/index.ts'], { ALLOW_UNAUTHENTICATED: 'true', ...process.env, PORT: port });

  const playgroundPort = process.env.PLAYGROUND_PORT ?? String(await freePort(56150));
  // The Playground reads PORT too and quits when it is set, so it gets an environment without it.
  const { PORT: _unused, ...playgroundEnv } = process.env;
  if (configPath) playgroundEnv.M365_AGENTS_PLAYGROUND_CONFIG_PATH = configPath;
  // It also opens a browser, and exits if it cannot: on a machine with no display, don't ask it to.
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) playgroundEnv.TEAMSAPPTESTER_BROWSER ??= 'none';
  run('playground', bin('agentsplayground'), ['--app-endpoint', `http://127.0.0.1:${port}/api/messages`, '--channel-id', 'msteams', '--port', playgroundPort, '--disable-telemetry'], playgroundEnv);
  console.log(`Open http://localhost:${playgroundPort} to chat with the bot${person ? ` as ${person}` : ''}.`);
};

void main();
