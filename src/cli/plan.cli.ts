import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, basename } from 'node:path';
import { parseArgs } from 'node:util';
import { PlanOverviewService } from '../app/plan-overview.service';
import { systemClock } from '../app/ports';
import { createServices } from '../app/services';
import { QuarterId } from '../domain/quarters';
import { feedbackCsv } from '../export/feedback.csv';
import { dataReturnCsv } from '../export/data-return.csv';
import { dataReturnXlsx } from '../export/data-return.xlsx';
import { loadConfig } from '../config';
import { loadEnvFile } from '../env-file';
import { oneLineError } from '../one-line-error';
import { openConfiguredStore } from '../composition';
import { readRiskMatrices } from '../storage/risk-matrix-file';
import { readinessText } from './readiness.text';
import { countOf } from '../domain/text';
import { isDomainError } from '../domain/errors';

const USAGE = `Usage: npm run plan -- <command> [options]

Commands:
  export [--format md|docx] [--out FILE]
                        The plan as Annex A (a signed version with its signatures). Word needs --out.
  verify FILE           Is this exported file (.docx or .md) exactly the text the bot issued, and was it signed?
  import FILE.docx [--dry-run]
                        A filled Annex A in Word, read back into the plan: one line per section that
                        would change ("changed: Q9 Engagement and co-production"), then how many; without
                        --dry-run, one new version with those changes (or none when nothing changed)
  check                 Readiness: the 41 core minimum requirements and the guidance rules
  report [--quarter 2026-Q3] [--format md|docx] [--out FILE]
                        The quarterly highlight report (default: the current quarter); Word has the charts
  return [--quarter 2026-Q3] --format csv|xlsx [--out FILE]
                        The quarterly data return to DfE (see docs/data-return.md)
  feedback [--format csv] [--out FILE]
                        The "you said, we did" log as CSV

Reads DATABASE_URL (default sqlite:./data/send-plan.db) and PLAN_ID like the bot does.`;

const FORMATS: Record<string, readonly string[]> = { export: ['md', 'docx'], report: ['md', 'docx'], return: ['csv', 'xlsx'], feedback: ['csv'], check: [], verify: [], import: [] };
const DEFAULT_FORMAT: Record<string, string> = { export: 'md', report: 'md', feedback: 'csv' };
const BINARY = new Set(['docx', 'xlsx']);

/** A mistake on the command line: one clear line, exit code 2. */
class UsageError extends Error {}

const toStdout = (t: string | Buffer) => void process.stdout.write(t);
const toStderr = (t: string | Buffer) => void process.stderr.write(t);

/** Output goes to `write`; mistakes go to `fail` (stderr when run as a command), so a pipe only ever gets output. */
export const runPlanCli = async (argv: string[], write: (text: string | Buffer) => void = toStdout, fail: (text: string) => void = write === toStdout ? toStderr : write): Promise<number> => {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    fail(`${(error as Error).message}\n`);
    return 2;
  }
  const { command, values, file } = parsed;
  if (values.help || !command) {
    (values.help ? write : fail)(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  for (const warning of config.warnings) fail(`${warning}\n`);
  const { store } = await openConfiguredStore(config);
  try {
    const services = createServices({ store, planId: config.planId, clock: systemClock, notifier: { notify: async () => 'no-conversation' }, matrices: readRiskMatrices(config.riskMatrixFile), gaps: config.exportGaps });
    const output = (body: string | Buffer, what: string) => {
      if (values.out) {
        writeFileSync(values.out, body);
        write(`Wrote ${values.out}: ${what}, ${body.length.toLocaleString('en-GB')} ${typeof body === 'string' ? 'characters' : 'bytes'}.\n`);
      } else write(body);
    };
    switch (command) {
      case 'feedback': {
        const names = new Map((await store.listPeople()).map((p) => [p.id, p.name]));
        const items = await services.feedback.all();
        output(feedbackCsv(items, names), `${items.length} feedback item(s)`);
        return 0;
      }
      case 'check': {
        const { report } = await new PlanOverviewService(store, config.planId).readiness();
        write(readinessText(report));
        return 0;
      }
      case 'import': {
        const bytes = readFileSync(file!);
        const name = basename(file!);
        const said = (preview: { changes: readonly { label: string; readable: boolean; reason?: string }[]; unplaced: readonly string[] }) => {
          for (const c of preview.changes) if (c.readable) write(`changed: ${c.label}\n`);
          // What differs but cannot be taken, and what belongs nowhere, is said, never dropped in silence.
          for (const c of preview.changes) if (!c.readable) fail(`not imported: ${c.label}: ${c.reason}\n`);
          for (const u of preview.unplaced) fail(`not placed: ${u}\n`);
          return preview.changes.filter((c) => c.readable).length;
        };
        if (values['dry-run']) {
          const n = said(await services.wordImport.preview('command-line', bytes, name));
          write(`${countOf(n, 'section', 'sections')} would change\n`);
          return 0;
        }
        const { preview, version } = await services.wordImport.apply('command-line', bytes, name);
        const n = said(preview);
        write(version === null ? `Nothing to change: no new version written (the plan stays at version ${preview.version}).\n` : `Wrote version ${version}: ${countOf(n, 'section', 'sections')} imported from ${name}.\n`);
        return 0;
      }
      case 'verify': {
        const result = await services.verify.verify(readFileSync(file!), basename(file!));
        write(`${result.message}\n`);
        return result.outcome === 'match' ? 0 : 1;
      }
      case 'return': {
        const ret = await services.reports.dataReturn(values.quarter);
        output(values.format === 'xlsx' ? await dataReturnXlsx(ret) : dataReturnCsv(ret), `data return for ${ret.quarter.id}`);
        // On stdout the notes are already rows of the CSV; beside a file, say them here too.
        if (values.out) for (const note of [ret.laCodeNote, ret.milestonesNote]) if (note) write(`${note}\n`);
        return 0;
      }
      case 'report': {
        const f = await services.exports.reportFile('cli', values.format as 'md' | 'docx', values.quarter);
        output(f.extension === 'md' ? f.body.toString('utf8') : f.body, `highlight report, plan version ${f.provenance.version}, SHA-256 ${f.provenance.hash}`);
        return 0;
      }
      default: {
        const f = await services.exports.planFile('cli', values.format as 'md' | 'docx');
        const p = f.provenance;
        output(f.extension === 'md' ? f.body.toString('utf8') : f.body, `plan ${p.planId}, version ${p.version}${p.signed ? ', signed' : ''}, SHA-256 ${p.hash}`);
        return 0;
      }
    }
  } catch (error) {
    // A file refused, a plan not found: said in one line, for a script to read; anything else is a fault.
    if (!isDomainError(error)) throw error;
    fail(`${error.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
};

const parse = (argv: string[]) => {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' }, quarter: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || !command) return { command: undefined, values, file: undefined };
  const formats = FORMATS[command];
  if (!formats) throw new UsageError(`Unknown command "${command}". Run npm run plan -- --help to see the commands.`);
  const format = values.format ?? DEFAULT_FORMAT[command];
  if (formats.length && (!format || !formats.includes(format))) {
    throw new UsageError(format ? `Unknown format "${format}" for ${command}: use ${formats.join(' or ')}.` : `Say which format: --format ${formats.join(' or ')}.`);
  }
  if (values.quarter !== undefined && !QuarterId.safeParse(values.quarter).success) throw new UsageError(`Unknown quarter "${values.quarter}": use the form 2026-Q3.`);
  if (format && BINARY.has(format) && !values.out) throw new UsageError(`A ${format} file needs --out FILE: it is not text to print.`);
  if (values.out && !existsSync(dirname(values.out) || '.')) throw new UsageError(`The folder ${dirname(values.out)} does not exist.`);
  const file = command === 'verify' || command === 'import' ? positionals[1] : undefined;
  if ((command === 'verify' || command === 'import') && (!file || !existsSync(file))) throw new UsageError(file ? `There is no file ${file}.` : `Say which file to ${command}: npm run plan -- ${command} plan.docx`);
  if (values['dry-run'] && command !== 'import') throw new UsageError('--dry-run is for import only.');
  return { command, values: { ...values, format }, file };
};

if (require.main === module) {
  // Settings from ./.env first (only when run as a program, so importing this never reads one).
  Promise.resolve()
    .then(() => {
      loadEnvFile();
      return runPlanCli(process.argv.slice(2));
    })
    .then(
      // exitCode rather than exit(): a piped stdout is flushed before the process ends.
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`${oneLineError(error)}\n`);
        process.exitCode = 1;
      },
    );
}
