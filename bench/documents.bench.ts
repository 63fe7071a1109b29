/**
 * npm run bench -- --documents: the peak heap of the largest documents the bot makes in its own
 * process, under the production heap cap (src/node-options.ts) and a few others.
 *
 * The documents: (a) the Annex A Word file of a plan about ten times the demo's, (b) the charted
 * highlight report of a quarter with 300 workstream updates and 150 risks, (c) that quarter's data
 * return as xlsx and as csv. The data passes the real schemas and sits in a real SQLite store
 * (bench/documents.data.ts). Each document is made in a child process (bench/documents.child.ts,
 * bundled so that Node runs it with no loader and no flag but the cap) that first starts the bot's
 * store, language model and services, then makes the document by the calls a download makes.
 *
 * Per run: peak heap used (before every collection, and sampled), the bot's heap before the
 * document, peak RSS (/proc VmHWM, polled from here, so a child that dies still has one), time,
 * file size; a child that runs out of heap is reported with the heap V8 last saw before it died.
 *
 *   BENCH_DOC_CAPS=96,128,192,256   heap caps in MB (--max-old-space-size); production's is in src/node-options.ts
 *   BENCH_DOC_JOBS=plan-docx,...    which documents (default: all four; plan-long-docx, the same
 *                                   plan with every long text in every row ten times too, on request)
 *   BENCH_DOC_REPEAT=3              runs at production's cap (near a cap the outcome can vary)
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build, type Plugin } from 'esbuild';
import { demoPlan } from '../src/demo/demo-plan';
import { PRODUCTION_NODE_OPTIONS } from '../src/node-options';
import { fromRoot } from '../src/paths';
import { planFigures, REPORT_QUARTER, seedPlanStore, seedReportStore, SRO_ID } from './documents.data';
import { DEFAULT_JOBS, JOBS, type ChildDone, type ChildLine, type ChildReady, type Job } from './documents.protocol';

const env = process.env;
const CAPS = (env.BENCH_DOC_CAPS ?? '96,128,192,256').split(',').map(Number).filter((n) => n > 0);
const SELECTED: readonly Job[] = env.BENCH_DOC_JOBS ? JOBS.filter((j) => env.BENCH_DOC_JOBS!.split(',').includes(j)) : DEFAULT_JOBS;
/** Runs at production's cap (the others run once). */
const REPEAT = Math.max(1, Number(env.BENCH_DOC_REPEAT ?? 3));
/** A child still running after this long is stopped and reported as a timeout. */
const CHILD_SECONDS = Number(env.BENCH_DOC_CHILD_SECONDS ?? 90);

const PRODUCTION_CAP = Number(/--max-old-space-size=(\d+)/.exec(PRODUCTION_NODE_OPTIONS)?.[1]);

/** The production flags with the old-space cap set to `cap` MB: at production's cap they are production's, flag for flag. */
export const nodeFlags = (cap: number): string[] => {
  const flags = PRODUCTION_NODE_OPTIONS.split(' ').filter(Boolean);
  if (!flags.some((f) => f.startsWith('--max-old-space-size='))) throw new Error('src/node-options.ts sets no --max-old-space-size');
  return flags.map((f) => (f.startsWith('--max-old-space-size=') ? `--max-old-space-size=${cap}` : f));
};

/**
 * The child as one CommonJS file, so `node <flags> child.js` runs it as production runs
 * dist/src (no TypeScript loader in the process). Packages stay where they are installed, required
 * by absolute path; src/paths.ts finds the project root from src/, as it does in place.
 */
const bundleChild = async (dir: string): Promise<string> => {
  const outfile = join(dir, 'documents.child.js');
  const packagesInPlace: Plugin = {
    name: 'packages-in-place',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) =>
        args.path.startsWith('node:') || builtinModules.includes(args.path) ? { path: args.path, external: true } : { path: require.resolve(args.path, { paths: [args.resolveDir] }), external: true },
      );
    },
  };
  await build({
    entryPoints: [fromRoot('bench', 'documents.child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { __dirname: JSON.stringify(fromRoot('src')) },
    plugins: [packagesInPlace],
    logLevel: 'error',
  });
  return outfile;
};

type Outcome = 'ok' | 'out of heap' | 'error' | 'timeout';

interface Run {
  readonly job: Job;
  readonly cap: number;
  readonly outcome: Outcome;
  readonly ready: ChildReady | null;
  readonly done: ChildDone | null;
  /** Heap in use before the last collection V8 printed as it gave up (out of heap only). */
  readonly diedAtHeap: number | null;
  /** From the ready line to the end: the job's time, or how long until it died. */
  readonly ms: number | null;
  readonly peakRss: number;
  readonly message: string | null;
}

/** V8's "Last few GCs" on a fatal out-of-memory: `Mark-Compact 127.6 (131.6) -> 127.3 (130.4) MB`. */
const heapAtDeath = (stderr: string): number | null => {
  const used = [...stderr.matchAll(/(?:Mark-Compact|Scavenge|Mark-Sweep)[^\n]*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/gi)].map((m) => Number(m[1]));
  return used.length ? Math.max(...used) * 1024 * 1024 : null;
};

/** V8's or Node's own words for why the child stopped, rather than the last line of a native stack. */
const firstErrorLine = (stderr: string): string | null => {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /FATAL ERROR|Error:/.test(l)) ?? lines.pop() ?? null;
};

const runChild = (bundle: string, job: Job, cap: number, db: string, planId: string): Promise<Run> =>
  new Promise((resolve) => {
    const childEnv = { ...env };
    // Only the flags on the command line: nothing added through the environment.
    delete childEnv.NODE_OPTIONS;
    const child = spawn(process.execPath, [...nodeFlags(cap), bundle, job, db, planId, SRO_ID, REPORT_QUARTER], { cwd: fromRoot(), env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let ready: ChildReady | null = null;
    let done: ChildDone | null = null;
    let message: string | null = null;
    let readyAt: number | null = null;
    let stdout = '';
    let stderr = '';
    let peakRss = 0;
    let timedOut = false;
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
      } catch {
        // Gone already, or not Linux: the child's own figure stands.
      }
    }, 10);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, CHILD_SECONDS * 1000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      let nl: number;
      while ((nl = stdout.indexOf('\n')) >= 0) {
        const text = stdout.slice(0, nl).trim();
        stdout = stdout.slice(nl + 1);
        if (!text.startsWith('{')) continue;
        const line = JSON.parse(text) as ChildLine;
        if (line.phase === 'ready') {
          ready = line;
          readyAt = performance.now();
        } else if (line.phase === 'done') done = line;
        else message = line.message;
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
    });
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const endedAt = performance.now();
      const oom = /heap out of memory|Reached heap limit|Allocation failed/i.test(stderr);
      const outcome: Outcome = done && code === 0 ? 'ok' : timedOut ? 'timeout' : oom ? 'out of heap' : 'error';
      resolve({
        job,
        cap,
        outcome,
        ready,
        done,
        diedAtHeap: oom ? heapAtDeath(stderr) : null,
        ms: done ? (done as ChildDone).ms : readyAt !== null ? endedAt - readyAt : null,
        peakRss: Math.max(peakRss, done ? (done as ChildDone).maxRssBytes : 0),
        message: outcome === 'ok' ? null : (message ?? firstErrorLine(stderr) ?? `exit ${code ?? signal}`),
      });
    });
  });

const mb = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '–' : `${(bytes / 1024 / 1024).toFixed(1)}`);
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} kB`);

const LABELS: Record<Job, string> = {
  'plan-docx': '(a) plan 10x, Annex A .docx',
  'plan-long-docx': '(a+) plan 10x, row texts 10x .docx',
  'report-docx': '(b) report 300 upd/150 risks .docx',
  'data-return-xlsx': '(c) data return .xlsx',
  'data-return-csv': '(c) data return .csv',
};

const row = (cells: readonly string[], widths: readonly number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

const printTable = (runs: readonly Run[]) => {
  const widths = [36, 6, 12, 10, 9, 8, 9, 8, 10, 10, 15];
  const out = [
    row(['document', 'cap', 'result', 'peak heap', 'bot heap', 'of limit', 'peak RSS', 'time', 'GC (major)', 'file', 'model text'], widths),
    row(['', 'MB', '', 'MB used', 'MB before', '', 'MB', 's', 'ms (count)', '', 'chars (blocks)'], widths),
  ];
  for (const r of runs) {
    const limit = r.ready?.heapSizeLimit ?? null;
    const peak = r.done?.peakHeapUsed ?? r.diedAtHeap;
    out.push(
      row(
        [
          LABELS[r.job],
          `${r.cap}${r.cap === PRODUCTION_CAP ? '*' : ''}`,
          r.outcome === 'out of heap' ? 'DIED (OOM)' : r.outcome,
          r.outcome === 'out of heap' ? `>${mb(peak)}` : mb(peak),
          mb(r.ready?.baselineHeapUsed),
          peak && limit ? `${Math.round((100 * peak) / limit)}%` : '–',
          mb(r.peakRss),
          r.ms === null ? '–' : (r.ms / 1000).toFixed(2),
          r.done ? `${r.done.gcMs.toFixed(0)} (${r.done.markCompacts})` : '–',
          r.done ? size(r.done.bytes) : '–',
          r.done?.modelChars ? `${(r.done.modelChars / 1e6).toFixed(2)}M (${r.done.blocks})` : '–',
        ],
        widths,
      ),
    );
    if (r.outcome !== 'ok' && r.message) out.push(`      ${r.message.slice(0, 160)}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write(
    `* production's flags exactly (${PRODUCTION_NODE_OPTIONS}). "of limit": peak heap over V8's heap_size_limit (old space cap + young generation).\n` +
      '  bot heap: the bot\'s own live heap (store, language model, Teams runtime) after a full collection, before the document.\n',
  );
};

/** Per document: how many runs at production's cap finished, and the heap it takes when the cap does not squeeze it. */
const printSummary = (runs: readonly Run[]) => {
  const lines = SELECTED.map((job) => {
    const mine = runs.filter((r) => r.job === job);
    const atProduction = mine.filter((r) => r.cap === PRODUCTION_CAP);
    const made = atProduction.filter((r) => r.outcome === 'ok').length;
    const smallest = mine.filter((r) => r.outcome === 'ok').sort((a, b) => a.cap - b.cap)[0];
    const roomiest = mine.filter((r) => r.done).sort((a, b) => b.cap - a.cap)[0];
    const need = roomiest?.done
      ? `${mb(roomiest.done.peakHeapUsed)} MB heap (bot ${mb(roomiest.ready?.baselineHeapUsed)} + document ${mb(roomiest.done.peakHeapUsed - (roomiest.ready?.baselineHeapUsed ?? 0))}), RSS ${mb(roomiest.peakRss)} MB`
      : 'not made at any cap';
    return `${LABELS[job].padEnd(36)} at ${PRODUCTION_CAP} MB made ${made}/${atProduction.length}; smallest cap that made it: ${smallest ? `${smallest.cap} MB` : 'none'}; at ${roomiest?.cap ?? '–'} MB: ${need}`;
  });
  process.stdout.write(`\n${lines.join('\n')}\n`);
};

export const documentsBench = async (): Promise<void> => {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'send-bench-docs-'));
  try {
    const bundle = await bundleChild(dir);
    const planDb = join(dir, 'plan.db');
    const reportDb = join(dir, 'report.db');
    const longDb = join(dir, 'plan-long.db');
    const [plan, report] = [await seedPlanStore(planDb, 'bench-plan'), await seedReportStore(reportDb, 'bench-report')];
    const long = SELECTED.includes('plan-long-docx') ? planFigures(await seedPlanStore(longDb, 'bench-plan', { longRowTexts: true })) : null;
    const stores: Record<Job, { db: string; planId: string }> = {
      'plan-docx': { db: planDb, planId: 'bench-plan' },
      'plan-long-docx': { db: longDb, planId: 'bench-plan' },
      'report-docx': { db: reportDb, planId: 'bench-report' },
      'data-return-xlsx': { db: reportDb, planId: 'bench-report' },
      'data-return-csv': { db: reportDb, planId: 'bench-report' },
    };
    const demo = planFigures(demoPlan());
    const big = planFigures(plan);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
    process.stdout.write(
      `(a) plan: ${big.workstreams} workstreams (schema max; demo ${demo.workstreams}), ${big.milestones} milestones (${ratio(big.milestones, demo.milestones)}), ${big.risks} risks (${ratio(big.risks, demo.risks)}), ` +
        `${big.tableRows} table rows (${ratio(big.tableRows, demo.tableRows)}), ${size(big.jsonBytes)} as JSON (${ratio(big.jsonBytes, demo.jsonBytes)} the demo's ${size(demo.jsonBytes)})\n` +
        `(b,c) ${REPORT_QUARTER}: ${report.updates - 30} updates in the quarter (10 from each of ${report.plan.deliveryPlan.workstreams.length} workstreams) + 30 in Q2, ` +
        `${report.plan.risks.risks.length} risks with ${report.riskEvents} changes in the quarter, ${report.spendActuals} actual spend figures\n` +
        (long ? `(a+) the same plan with every long text in a row ten times too: ${size(long.jsonBytes)} as JSON (${ratio(long.jsonBytes, demo.jsonBytes)} the demo's)\n` : '') +
        `seeded in ${((performance.now() - started) / 1000).toFixed(1)} s; each document in a fresh child: node ${nodeFlags(PRODUCTION_CAP).join(' ')} (cap varied)\n\n`,
    );
    const runs: Run[] = [];
    for (const job of SELECTED) {
      for (const cap of CAPS) {
        // Near a cap, whether a document is made can change from run to run: production's is tried more than once.
        for (let attempt = 0; attempt < (cap === PRODUCTION_CAP ? REPEAT : 1); attempt++) {
          // A fresh copy of the store for every run: each run issues documents and links into it.
          const copy = join(dir, `${job}-${cap}-${attempt}.db`);
          copyFileSync(stores[job].db, copy);
          const run = await runChild(bundle, job, cap, copy, stores[job].planId);
          runs.push(run);
          rmSync(copy, { force: true });
          process.stderr.write(`  ${LABELS[job]} at ${cap} MB: ${run.outcome}\n`);
        }
      }
    }
    process.stdout.write('\n');
    printTable(runs);
    printSummary(runs);
    process.stdout.write(`\ndocuments bench took ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
