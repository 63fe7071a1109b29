/**
 * One document made in a process of its own, as the bot makes it: bench/documents.bench.ts bundles
 * this file and starts it with the production Node flags (src/node-options.ts) or another heap
 * cap, on a SQLite store it seeded. The process first becomes the bot (the store, the trained
 * language model, the Teams runtime and its services, as src/index.ts starts them, without
 * listening), then makes one document through the same calls a person's download reaches.
 *
 *   child.js <job> <database file> <plan id> <person id> <quarter>
 *
 * Each line on stdout is JSON: {"phase":"ready",...} when the bot is up and the document is
 * about to be made, then {"phase":"done",...} or {"phase":"error",...}. A heap exhausted under
 * the cap ends the process instead (V8's fatal error on stderr), which the parent reports.
 */
import { performance } from 'node:perf_hooks';
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Clock } from '../src/app/ports';
import { loadConfig } from '../src/config';
import { canonicalForm } from '../src/domain/document.model';
import { dataReturnCsv } from '../src/export/data-return.csv';
import { dataReturnXlsx } from '../src/export/data-return.xlsx';
import { sharedUnderstanding } from '../src/language/nlp.understanding';
import { createLogger } from '../src/logger';
import { createServer } from '../src/server';
import { openStore } from '../src/storage/open-store';
import { JOBS, type ChildLine, type Job } from './documents.protocol';

const say = (line: ChildLine): Promise<void> => new Promise((resolve) => process.stdout.write(`${JSON.stringify(line)}\n`, () => resolve()));

/** The clock inside the quarter reported on, so links are fresh and "this quarter" is 2026-Q3. */
const clock: Clock = { now: () => new Date('2026-12-01T10:00:00Z') };

const main = async (): Promise<void> => {
  const [job, file, planId, personId, quarter] = process.argv.slice(2) as [Job, string, string, string, string];
  if (!JOBS.includes(job) || !file || !planId || !personId || !quarter) throw new Error(`usage: child <${JOBS.join('|')}> <db> <plan id> <person id> <quarter>`);
  const started = performance.now();
  // The bot as src/index.ts starts it: store, language model trained before serving, then the server's services.
  const config = loadConfig({ ALLOW_UNAUTHENTICATED: 'true', PORT: '0', PLAN_ID: planId, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent', SEED_DEMO_PLAN: 'false' });
  const store = await openStore(config.databaseUrl, clock);
  const understanding = await sharedUnderstanding();
  const { services } = createServer({ config, store, logger: createLogger(config), clock, understanding });
  const person = await store.findPerson(personId);
  if (!person) throw new Error(`no person ${personId} in the store`);

  // A full collection (the flag is set now, not at launch, so the launch flags stay production's), then the baseline.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const baseline = process.memoryUsage();
  await say({ phase: 'ready', startupMs: performance.now() - started, baselineHeapUsed: baseline.heapUsed, heapSizeLimit: getHeapStatistics().heap_size_limit, execArgv: process.execArgv });

  let peakHeapUsed = baseline.heapUsed;
  let peakHeapTotal = baseline.heapTotal;
  let peakExternal = baseline.external;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
    peakHeapTotal = Math.max(peakHeapTotal, m.heapTotal);
    peakExternal = Math.max(peakExternal, m.external);
  };
  // The sampler only runs between turns of the event loop; the collections' own figures catch the peaks inside long synchronous work.
  const sampler = setInterval(sample, 2);
  const profiler = new GCProfiler();
  profiler.start();
  const t0 = performance.now();
  let bytes: number;
  let issued: { documentHash: string; planVersion: number } | null = null;
  if (job === 'plan-docx' || job === 'plan-long-docx' || job === 'report-docx') {
    // What the export card and the report card do (createLinks), then what the download link does (openLink).
    const [made] = await services.exports.createLinks(person, job === 'report-docx' ? { kind: 'report', quarter } : { kind: 'plan' }, ['docx']);
    const opened = await services.exports.openLink(made!.link.token);
    if (opened.status !== 'ok') throw new Error(`the download link answered ${opened.status}`);
    bytes = opened.file.body.length;
    issued = made!.link;
  } else {
    // The quarterly data return as the CLI makes it (src/cli/plan.cli.ts): the bot does not hand it out in Teams yet.
    const ret = await services.reports.dataReturn(quarter);
    bytes = job === 'data-return-xlsx' ? (await dataReturnXlsx(ret)).length : Buffer.byteLength(dataReturnCsv(ret), 'utf8');
  }
  const ms = performance.now() - t0;
  sample();
  clearInterval(sampler);
  const { statistics } = profiler.stop();
  // Measured after the profiler stopped: how much text the document model holds.
  const model = issued ? ((await store.loadIssuedDocument(issued.documentHash, issued.planVersion))?.model ?? null) : null;
  for (const s of statistics) {
    peakHeapUsed = Math.max(peakHeapUsed, s.beforeGC.heapStatistics.usedHeapSize);
    peakHeapTotal = Math.max(peakHeapTotal, s.beforeGC.heapStatistics.totalHeapSize);
    peakExternal = Math.max(peakExternal, s.beforeGC.heapStatistics.externalMemory);
  }
  await say({
    phase: 'done',
    ms,
    peakHeapUsed,
    peakHeapTotal,
    peakExternal,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    bytes,
    modelChars: model ? canonicalForm(model).length : null,
    blocks: model ? model.blocks.length : null,
    collections: statistics.length,
    markCompacts: statistics.filter((s) => /mark/i.test(s.gcType)).length,
    // GCProfiler reports each collection's cost in microseconds.
    gcMs: statistics.reduce((n, s) => n + s.cost, 0) / 1000,
  });
};

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await say({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(2);
  },
);
