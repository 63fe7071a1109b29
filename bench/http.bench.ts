/**
 * The HTTP benchmark: the real bot (dist/src/index.js, as `npm start` runs it) and a bare
 * botbuilder echo bot (bench/echo-bot.ts) as child processes, both driven from here by
 * keep-alive POSTs to /api/messages at a fixed concurrency, side by side in one run.
 *
 * Scenarios: `help` typed (deliveryMode expectReplies, so the replies come back in the HTTP
 * body), and the quarterly-update submission (the update card's Action.Execute `update.post`,
 * each a fresh activity id and so a real new write), in three rounds, then again after
 * 10,000 more updates are stored. With BENCH_POSTGRES_URL, two bot processes on that database
 * share the load. Speed goals are checked here, never in unit tests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ts from 'typescript';
import { systemClock } from '../src/app/ports';
import { demoPlan } from '../src/demo/demo-plan';
import { deliveryColumn, deliveryQuarters, parseQuarter } from '../src/domain/quarters';
import { PRODUCTION_NODE_OPTIONS } from '../src/node-options';
import { fromRoot } from '../src/paths';
import { openStore } from '../src/storage/open-store';
import { readRosterFile } from '../src/storage/roster-file';
import { VERBS } from '../src/teams/verbs';
import { cpuSince, markCpu } from './cpu-use';
import { roundTrips } from './round-trips.bench';

const env = process.env;
const CONCURRENCY = Number(env.BENCH_CONCURRENCY ?? 16);
const ROUND = Number(env.BENCH_ROUND ?? 700);
const STORED = Number(env.BENCH_STORED ?? 10_000);
/** A round stops issuing requests after this long, so a slow bot cannot make the run endless. */
const ROUND_SECONDS = Number(env.BENCH_ROUND_SECONDS ?? 40);
/** Bot processes sharing the PostgreSQL database (the goal is set for two; one or three compare). */
const INSTANCES = Number(env.BENCH_PG_INSTANCES ?? 2);
const WORKSTREAM = 'ws-3';
const QUARTER = '2026-Q3';

interface Target {
  readonly name: string;
  readonly port: number;
  readonly child: ChildProcess;
}

interface RoundResult {
  readonly done: number;
  readonly errors: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly firstError?: string;
  /** CPU ms per request: the processes driven (the bot, or both bots, or the echo bot), and PostgreSQL's. */
  readonly cpu: number;
  readonly dbCpu: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** dist/ (the bot as npm start runs it) and dist/bench/echo-bot.js, unless --no-build. */
const build = () => {
  if (process.argv.includes('--no-build')) return;
  const started = performance.now();
  // The whole of npm run build, not tsc alone: dist/ holds its own copies of what the bot reads at
  // run time (migrations among them, scripts/build-dist.ts), which tsc alone would leave stale.
  const built = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: fromRoot(), stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const source = readFileSync(fromRoot('bench', 'echo-bot.ts'), 'utf8');
  const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  mkdirSync(fromRoot('dist', 'bench'), { recursive: true });
  writeFileSync(fromRoot('dist', 'bench', 'echo-bot.js'), out.outputText);
  process.stdout.write(`built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
};

const get = (port: number, path: string): Promise<number> =>
  new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });

const start = async (name: string, script: string, extraEnv: Record<string, string>): Promise<Target> => {
  const port = await freePort();
  // The bot runs as production runs it (src/node-options.ts) unless BENCH_BOT_NODE_ARGS says otherwise.
  const nodeArgs = name.startsWith('bot') ? (env.BENCH_BOT_NODE_ARGS ?? PRODUCTION_NODE_OPTIONS).split(' ').filter(Boolean) : [];
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: fromRoot(),
    env: { ...env, ...extraEnv, PORT: String(port), NODE_ENV: 'development' },
    // BENCH_BOT_STDOUT=file keeps what the bots print (their log, or V8's --trace-gc) to look at.
    stdio: ['ignore', name.startsWith('bot') && env.BENCH_BOT_STDOUT ? openSync(env.BENCH_BOT_STDOUT, 'a') : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} stopped at start: ${stderr.trim().split('\n').pop() ?? `exit ${child.exitCode}`}`);
    if ((await get(port, '/healthz')) === 200) return { name, port, child };
    await sleep(100);
  }
  child.kill();
  throw new Error(`${name} did not answer /healthz within 60 s`);
};

const stop = (target: Target): Promise<void> =>
  new Promise((resolve) => {
    if (target.child.exitCode !== null) return resolve();
    target.child.once('exit', () => resolve());
    target.child.kill('SIGTERM');
    setTimeout(() => target.child.kill('SIGKILL'), 8000).unref();
  });

/** VmRSS and VmHWM (the peak) of a process, in MiB. */
const memory = (pid: number | undefined): { rss: number; peak: number } => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
};

/** A keep-alive agent per round: a socket left idle between rounds may be closed by the server as it is reused. */
const post = (agent: Agent, port: number, body: string): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

/** `n` requests at a fixed concurrency, spread over the ports in turn; a reply `ok` does not accept is an error. */
const drive = async (targets: readonly Target[], n: number, concurrency: number, body: (i: number) => string, ok: (status: number, text: string) => boolean, postgres = false): Promise<RoundResult> => {
  const ports = targets.map((t) => t.port);
  const pids = targets.map((t) => t.child.pid);
  const [botMark, dbMark] = [markCpu(pids), markCpu([], postgres)];
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const began = performance.now();
  const cutOff = began + ROUND_SECONDS * 1000;
  const worker = async () => {
    while (next < n && performance.now() < cutOff) {
      const i = next++;
      const t0 = performance.now();
      try {
        const res = await post(agent, ports[i % ports.length]!, body(i));
        latencies.push(performance.now() - t0);
        if (!ok(res.status, res.text)) {
          errors++;
          firstError ??= `${res.status} ${res.text.slice(0, 300)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - began) / 1000;
  const [cpu, dbCpu] = [cpuSince(botMark, pids), cpuSince(dbMark, [], postgres)];
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { done: latencies.length, errors, seconds, perSecond: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), firstError, cpu: cpu / Math.max(1, latencies.length), dbCpu: dbCpu / Math.max(1, latencies.length) };
};

// --- the activities -------------------------------------------------------------------------

const roster = readRosterFile(fromRoot('config', 'roster.demo.json'));
const lead = roster.find((p) => p.roles.some((r) => r.role === 'workstream-lead' && r.workstreams.includes(WORKSTREAM)));
if (!lead) throw new Error(`No lead for ${WORKSTREAM} in the demo roster`);
const plan = demoPlan();
const column = deliveryColumn(plan.meta.reportingYear, parseQuarter(QUARTER))!;
const milestones = plan.deliveryPlan.workstreams.find((w) => w.id === WORKSTREAM)!.quarters[column].milestones.map((m) => m.id);
const STATUSES = ['on-track', 'at-risk', 'complete', 'off-track'] as const;
const runId = Date.now().toString(36);
let sequence = 0;

const envelope = (personId: string) => ({
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/',
  id: `bench-${runId}-${++sequence}`,
  timestamp: new Date().toISOString(),
  from: { id: `29:bench-${personId}`, aadObjectId: personId, name: 'Bench' },
  recipient: { id: '28:bench-bot', name: 'SEND plan assistant' },
  conversation: { id: `a:bench-${personId}`, conversationType: 'personal', tenantId: '00000000-0000-0000-0000-00000000bec4' },
});

const helpActivity = () => JSON.stringify({ ...envelope(lead.id), type: 'message', text: 'help', deliveryMode: 'expectReplies' });

const submissionActivity = (i: number) => {
  const data: Record<string, unknown> = { verb: VERBS.updatePost, workstream: WORKSTREAM, quarter: QUARTER, actual: `${20 + (i % 60)}%`, narrative: `Bench update ${i}: recruitment on plan.` };
  for (const m of milestones) data[`status.${m}`] = STATUSES[i % STATUSES.length];
  return JSON.stringify({ ...envelope(lead.id), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: VERBS.updatePost, data }, trigger: 'manual' } });
};

const helpOk = (status: number, text: string) => status === 200 && text.includes('"activities"') && text.includes('AdaptiveCard');
const echoHelpOk = (status: number, text: string) => status === 200 && text.includes('Echo: help');
const postedOk = (status: number, text: string) => status === 200 && text.includes('Posted: update');
const echoPostedOk = (status: number, text: string) => status === 200 && text.includes('Echo:');

/** Updates stored straight through the Store port, as if posted over many quarters. */
const seedUpdates = async (databaseUrl: string, planId: string, count: number): Promise<number> => {
  const store = await openStore(databaseUrl, systemClock);
  const started = performance.now();
  try {
    const quarters = deliveryQuarters(plan.meta.reportingYear);
    const planVersion = (await store.loadPlan(planId))!.version;
    for (let i = 0; i < count; i++) {
      const q = quarters[i % quarters.length]!;
      const ids = plan.deliveryPlan.workstreams.find((w) => w.id === WORKSTREAM)!.quarters[q.column].milestones.map((m) => m.id);
      await store.addUpdate(
        planId,
        {
          workstreamId: WORKSTREAM,
          quarter: q.id,
          milestones: ids.map((milestoneId, k) => ({ milestoneId, status: STATUSES[(i + k) % STATUSES.length]!, rag: null, note: `Seeded note ${i}` })),
          actual: `${i % 100}%`,
          narrative: `Seeded update ${i}.`,
          blockers: null,
          supportNeeded: null,
        },
        { id: `seed-${runId}-${i}`, authorId: lead.id, planVersion },
        { actorId: lead.id, summary: `Seeded update ${i}` },
      );
    }
  } finally {
    await store.close();
  }
  return (performance.now() - started) / 1000;
};

// --- the table --------------------------------------------------------------------------------

const rows: string[] = [];
const cell = (v: string, w: number) => v.padStart(w);
const header = `${'scenario'.padEnd(34)}${cell('bot', 8)}${cell('n', 6)}${cell('err', 5)}${cell('req/s', 9)}${cell('p50 ms', 9)}${cell('p95 ms', 9)}${cell('p99 ms', 9)}${cell('p95/echo', 10)}${cell('rate/echo', 10)}${cell('cpu/req', 9)}${cell('db/req', 8)}`;
const addRow = (scenario: string, who: string, r: RoundResult, echo?: RoundResult) => {
  const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}x` : '');
  const line = `${scenario.padEnd(34)}${cell(who, 8)}${cell(String(r.done), 6)}${cell(String(r.errors), 5)}${cell(r.perSecond.toFixed(1), 9)}${cell(r.p50.toFixed(1), 9)}${cell(r.p95.toFixed(1), 9)}${cell(r.p99.toFixed(1), 9)}${cell(echo ? ratio(r.p95, echo.p95) : '', 10)}${cell(echo ? ratio(r.perSecond, echo.perSecond) : '', 10)}${cell(r.cpu ? r.cpu.toFixed(2) : '', 9)}${cell(r.dbCpu ? r.dbCpu.toFixed(2) : '', 8)}`;
  rows.push(line);
  process.stdout.write(`  ${line.trim().replace(/\s+/g, ' ')}${r.firstError ? `  first error: ${r.firstError}` : ''}\n`);
};

const side = async (scenario: string, echo: Target, bot: Target, n: number, bodies: { echo: (i: number) => string; bot: (i: number) => string }, oks: { echo: typeof helpOk; bot: typeof helpOk }) => {
  const e = await drive([echo], n, CONCURRENCY, bodies.echo, oks.echo);
  const b = await drive([bot], n, CONCURRENCY, bodies.bot, oks.bot);
  addRow(scenario, 'echo', e);
  addRow(scenario, 'bot', b, e);
  return { echo: e, bot: b };
};

const sqliteRun = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'send-bench-http-'));
  const databaseUrl = `sqlite:${join(dir, 'bench.db')}`;
  const planId = 'shropshire-2026-27';
  const botEnv = {
    ALLOW_UNAUTHENTICATED: 'true',
    DATABASE_URL: databaseUrl,
    PLAN_ID: planId,
    SEED_DEMO_PLAN: 'true',
    ROSTER_FILE: 'config/roster.demo.json',
    RATE_LIMIT_PER_PERSON: '1000000',
    RATE_LIMIT_PER_IP: '1000000',
    LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'info',
  };
  const echo = await start('echo', fromRoot('dist', 'bench', 'echo-bot.js'), {});
  const bot = await start('bot', fromRoot('dist', 'src', 'index.js'), botEnv);
  try {
    process.stdout.write(`SQLite: echo bot on :${echo.port} (pid ${echo.child.pid}), bot on :${bot.port} (pid ${bot.child.pid}), ${databaseUrl}\n`);
    process.stdout.write(`after start: echo rss ${memory(echo.child.pid).rss.toFixed(0)} MiB, bot rss ${memory(bot.child.pid).rss.toFixed(0)} MiB\n`);
    // Warm-up, not measured: the JIT, and the first reads of each kind.
    await drive([echo], 100, CONCURRENCY, helpActivity, echoHelpOk);
    await drive([bot], 100, CONCURRENCY, helpActivity, helpOk);
    await drive([echo], 100, CONCURRENCY, submissionActivity, echoPostedOk);
    const warm = await drive([bot], 100, CONCURRENCY, submissionActivity, postedOk);
    if (warm.errors) throw new Error(`the bot refused the warm-up submissions: ${warm.firstError}`);

    await side('help (typed)', echo, bot, ROUND, { echo: helpActivity, bot: helpActivity }, { echo: echoHelpOk, bot: helpOk });
    const subs = { echo: submissionActivity, bot: submissionActivity };
    const subOks = { echo: echoPostedOk, bot: postedOk };
    for (let round = 1; round <= 3; round++) await side(`submission round ${round}`, echo, bot, ROUND, subs, subOks);
    const seconds = await seedUpdates(databaseUrl, planId, STORED);
    process.stdout.write(`stored ${STORED.toLocaleString('en-GB')} more updates of ${WORKSTREAM} through the Store port in ${seconds.toFixed(1)} s\n`);
    await side(`submission, +${STORED.toLocaleString('en-GB')} stored`, echo, bot, ROUND, subs, subOks);
    await side('help, after', echo, bot, ROUND, { echo: helpActivity, bot: helpActivity }, { echo: echoHelpOk, bot: helpOk });
    const [e, b] = [memory(echo.child.pid), memory(bot.child.pid)];
    return `RSS at the end: echo bot ${e.rss.toFixed(0)} MiB (peak ${e.peak.toFixed(0)}), bot ${b.rss.toFixed(0)} MiB (peak ${b.peak.toFixed(0)}; goal < 200 MiB)`;
  } finally {
    await Promise.all([stop(echo), stop(bot)]);
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Two bot processes on one PostgreSQL database, the load split between them. */
const postgresRun = async (): Promise<string> => {
  const url = env.BENCH_POSTGRES_URL;
  if (!url) return 'PostgreSQL, two instances: skipped (set BENCH_POSTGRES_URL=postgres://user@host:port/db to run it).';
  // A plan id of its own per run, so an earlier run's updates do not count.
  const planId = `bench-${runId}`;
  const botEnv = {
    ALLOW_UNAUTHENTICATED: 'true',
    DATABASE_URL: url,
    // Connections per instance: BENCH_POOL_SIZE compares sizes (the bot's default otherwise).
    ...(env.BENCH_POOL_SIZE ? { DATABASE_POOL_SIZE: env.BENCH_POOL_SIZE } : {}),
    PLAN_ID: planId,
    SEED_DEMO_PLAN: 'true',
    RATE_LIMIT_PER_PERSON: '1000000',
    RATE_LIMIT_PER_IP: '1000000',
    LOG_LEVEL: env.BENCH_LOG_LEVEL ?? 'info',
  };
  let bots: Target[] = [];
  try {
    // One after the other: the first seeds the plan, the second finds it.
    for (let i = 1; i <= INSTANCES; i++) bots.push(await start(`bot-pg-${i}`, fromRoot('dist', 'src', 'index.js'), botEnv));
  } catch (error) {
    await Promise.all(bots.map(stop));
    bots = [];
    return `PostgreSQL, two instances: skipped, the bot could not run on ${url.replace(/\/\/[^@/]*@/, '//…@')}: ${error instanceof Error ? error.message : String(error)}`;
  }
  try {
    await drive(bots, 200, CONCURRENCY * 2, helpActivity, helpOk);
    await drive(bots, 200, CONCURRENCY * 2, submissionActivity, postedOk);
    const help = await drive(bots, ROUND * 2, CONCURRENCY * 2, helpActivity, helpOk, true);
    addRow(`PostgreSQL x${INSTANCES}: help`, `bot x${INSTANCES}`, help);
    // The echo bot at the same concurrency, in the same run: the floor the goal is measured against.
    const echo = await start('echo-pg', fromRoot('dist', 'bench', 'echo-bot.js'), {});
    try {
      // Warmed as long as the bots were before their first submission round (their warm-ups and the
      // help round): a colder echo bot would be slower in round 1, and flatter the bots.
      await drive([echo], 400 + ROUND * 2, CONCURRENCY * 2, submissionActivity, echoPostedOk);
      for (let round = 1; round <= 2; round++) {
        const e = await drive([echo], ROUND * 2, CONCURRENCY * 2, submissionActivity, echoPostedOk, true);
        addRow(`PostgreSQL x${INSTANCES}: submission ${round}`, 'echo', e);
        addRow(`PostgreSQL x${INSTANCES}: submission ${round}`, `bot x${INSTANCES}`, await drive(bots, ROUND * 2, CONCURRENCY * 2, submissionActivity, postedOk, true), e);
      }
    } finally {
      await stop(echo);
    }
    const mem = bots.map((b) => memory(b.child.pid).rss.toFixed(0));
    return `PostgreSQL, ${INSTANCES} instance(s) (concurrency ${CONCURRENCY * 2} in all, requests alternating): RSS at the end ${mem.join(' and ')} MiB`;
  } finally {
    await Promise.all(bots.map(stop));
  }
};

export const httpBench = async (): Promise<void> => {
  const began = performance.now();
  build();
  process.stdout.write(`HTTP benchmark: concurrency ${CONCURRENCY}, rounds of ${ROUND}, a round stops after ${ROUND_SECONDS} s; ${lead.name} posts ${WORKSTREAM} ${QUARTER}\n`);
  // BENCH_ONLY=postgres skips the SQLite half (comparing pool sizes, say).
  const sqlite = env.BENCH_ONLY === 'postgres' ? 'SQLite: skipped (BENCH_ONLY=postgres)' : await sqliteRun();
  const pg = await postgresRun();
  const trips = await roundTrips();
  process.stdout.write(`\n${header}\n${rows.join('\n')}\n${sqlite}\n${pg}\n${trips.join('\n')}\n`);
  process.stdout.write(`machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}; whole run ${((performance.now() - began) / 1000).toFixed(0)} s\n`);
};
