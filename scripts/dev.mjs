// npm run dev: the bot (on SQLite with the demo plan) and Microsoft 365 Agents Playground,
// a Teams-like chat in the browser at http://localhost:56150. Ctrl+C stops both.
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

const children = [];
const run = (name, command, args, env) => {
  const child = spawn(command, args, { stdio: 'inherit', env });
  child.on('exit', (code) => {
    console.log(`${name} stopped (${code ?? 'signal'}); stopping the rest.`);
    stopAll(code ?? 0);
  });
  children.push(child);
};
const stopAll = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500);
};
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

// Local use only: the Playground sends unsigned requests, so they are allowed explicitly (the
// bot then listens on 127.0.0.1 only).
run('bot', bin('tsx'), ['src/index.ts'], { ALLOW_UNAUTHENTICATED: 'true', ...process.env, PORT: port });
// The Playground reads PORT too and quits when it is set, so it gets an environment without it.
const { PORT: _unused, ...playgroundEnv } = process.env;
// It also opens a browser, and exits if it cannot: on a machine with no display, don't ask it to.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) playgroundEnv.TEAMSAPPTESTER_BROWSER ??= 'none';
run('playground', bin('agentsplayground'), [
  '--app-endpoint', `http://127.0.0.1:${port}/api/messages`,
  '--channel-id', 'msteams',
  '--port', playgroundPort,
  '--disable-telemetry',
], playgroundEnv);
console.log(`Open http://localhost:${playgroundPort} to chat with the bot.`);
