/**
 * npm run bench -- --in-process: how long the everyday operations take on the full Shropshire
 * plan, called directly rather than over HTTP. Figures go into issue notes; no unit test times anything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { systemClock } from '../src/app/ports';
import { demoPlan } from '../src/demo/demo-plan';
import { planCompleteness } from '../src/domain/completeness';
import { compileAnnexA } from '../src/domain/plan.compile';
import { renderMarkdown } from '../src/export/markdown.renderer';
import { SqliteStore } from '../src/storage/sql/sql.store';
import { statusCard } from '../src/teams/views/status.view';
import { createServices } from '../src/app/services';
import { canonicalForm } from '../src/domain/document.model';
import { renderFile } from '../src/export/document-file';
import { dataReturnXlsx } from '../src/export/data-return.xlsx';
import { fingerprint } from '../src/export/fingerprint';
import { syntheticPlan } from './synthetic-plan';
import { blank, boldRunsFile, importBlocks, longDependencyTable } from './word-import-hostile';
import { createNlpUnderstanding } from '../src/language/nlp.understanding';
import { blindWorld } from './language.score';
import { interpret } from '../src/teams/interpret';

const time = async (label: string, runs: number, work: (i: number) => unknown | Promise<unknown>) => {
  for (let i = 0; i < Math.min(5, runs); i++) await work(i);
  const start = performance.now();
  for (let i = 0; i < runs; i++) await work(i);
  const ms = (performance.now() - start) / runs;
  process.stdout.write(`${label.padEnd(48)} ${ms.toFixed(3).padStart(9)} ms/op  (${runs} runs)\n`);
};

/** Free text: what training adds to the heap, once at start-up, and how long reading one message takes (p95, goal < 5 ms). */
export const languageBench = async () => {
  // A collection before each reading, so the figure is what the model keeps, not garbage from training.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const trainStart = performance.now();
  const nlu = await createNlpUnderstanding();
  const trainMs = performance.now() - trainStart;
  gc?.();
  const added = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  // The whole reading as the bot does it: commands, the two classifiers, names, dates, priors and the question rule.
  const { vocabulary, situationOf } = blindWorld();
  const situation = situationOf('Natasha Moody');
  const messages = [
    'change the first goal', 'update workstream 2', "who hasn't signed?", 'send the plan to the signatories', 'approve',
    'I want to give feedback about EHCP delays', 'parents say EHCPs take too long', 'which risks are red', 'has the ICB CEO signed yet',
    'please could you shwo me the riks', "summarise this quarter's updates for workstream 3", 'suggest a mitigation for the EP capacity risk', 'flibble wobble',
    'ask Jordan to fill in the engagement section by next Friday', 'ta very much', 'set up a call with the DCS',
    'Good morning, could you let me know which parts of the plan are done and which still have gaps before the end of January? Many thanks, Simon',
  ];
  const read = (m: string) => interpret(nlu, m, vocabulary, async () => situation);
  for (const m of messages) await read(m);
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const start = performance.now();
    await read(messages[i % messages.length]!);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
  process.stdout.write(`${'language: train once at start-up'.padEnd(48)} ${trainMs.toFixed(1).padStart(9)} ms, heap +${added.toFixed(1)} MiB${gc ? '' : ' (run with --expose-gc for a steadier figure)'}\n`);
  process.stdout.write(`${'language: read one message (goal p95 < 5 ms)'.padEnd(48)} p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms  (${times.length} messages)\n`);
};

export const inProcessBench = async (): Promise<void> => {
  await languageBench();
  const dir = mkdtempSync(join(tmpdir(), 'send-bench-'));
  const store = await SqliteStore.open(join(dir, 'bench.db'), systemClock);
  try {
    let n = 0;
    await time('create plan (SQLite file, all parts)', 50, () => store.createPlan(`bench-${n++}`, demoPlan(), { actorId: 'bench', summary: 'bench' }));
    await time('load plan (compose + validate)', 200, () => store.loadPlan('bench-0'));
    let version = 1;
    await time('save one changed field (diff, write, audit)', 200, async (i) => {
      const snapshot = await store.loadPlan('bench-0');
      const plan = structuredClone(snapshot!.plan);
      plan.risks.risks[0]!.mitigation = `Mitigation revision ${i}`;
      version = (await store.savePlan('bench-0', version, plan, { actorId: 'bench', summary: 'bench' })).snapshot.version;
    });
    const snapshot = (await store.loadPlan('bench-0'))!;
    await time('section completeness (19 sections)', 1000, () => planCompleteness(snapshot.plan));
    await time('compile + render Markdown', 200, () => renderMarkdown(compileAnnexA(snapshot.plan)));
    await time('status card (bind template)', 200, () => statusCard(snapshot, planCompleteness(snapshot.plan), 'Natasha Moody'));
    const model = compileAnnexA(snapshot.plan);
    await time('real plan: compile + fingerprint', 100, () => fingerprint(compileAnnexA(snapshot.plan)));
    await time('real plan to DOCX (goal < 500 ms)', 20, () => renderFile(model, 'docx'));
    const big = compileAnnexA(syntheticPlan(20));
    process.stdout.write(`20x synthetic plan: ${big.blocks.length} blocks, ${(canonicalForm(big).length / 1e6).toFixed(1)} MB of text\n`);
    await time('20x synthetic plan to DOCX (goal < 5 s)', 3, () => renderFile(big, 'docx'));
    const services = createServices({ store, planId: 'bench-0', clock: systemClock, notifier: { notify: async () => 'no-conversation' } });
    await time('quarterly report with 4 charts to DOCX', 5, () => services.exports.reportFile('bench', 'docx', '2026-Q3'));
    await time('quarterly data return to XLSX', 20, async () => dataReturnXlsx(await services.reports.dataReturn('2026-Q3')));
    const boldRuns = await boldRunsFile(snapshot.plan);
    await time('Word import: 20,000 bold runs with line breaks in one paragraph (goal < 3 s)', 3, () => importBlocks(snapshot.plan, boldRuns));
    const longTable = longDependencyTable();
    await time('Word import: Q11 of 20,000 rows, a scope merged down (goal < 2 s)', 3, () => importBlocks(blank(), longTable));
    const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
    const mem = process.memoryUsage();
    process.stdout.write(`memory: rss ${mb(mem.rss)} MiB, heap used ${mb(mem.heapUsed)} MiB\n`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

