import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PlanOverviewService } from '../app/plan-overview.service';
import { systemClock } from '../app/ports';
import { createServices } from '../app/services';
import { QuarterId } from '../domain/quarters';
import { compilePlan } from '../domain/plan.compile';
import { feedbackCsv } from '../export/feedback.csv';
import { ConfigError, loadConfig } from '../config';
import { openConfiguredStore } from '../composition';
import { isDomainError } from '../domain/errors';
import { renderMarkdown } from '../export/markdown.renderer';
import { readinessText } from './readiness.text';

const USAGE = `Usage: npm run plan -- <command> [options]

Commands:
  export --format md [--out FILE]   Write the compiled plan (Annex A order) as Markdown
  check                             Show readiness: the 41 core minimum requirements and the guidance rules
  report [--quarter 2026-Q3] [--format md] [--out FILE]
                                    The quarterly highlight report (default: the current quarter)
  feedback --format csv [--out FILE] The "you said, we did" log as CSV

Reads DATABASE_URL (default sqlite:./data/send-plan.db) and PLAN_ID like the bot does.`;

export const runPlanCli = async (argv: string[], write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> => {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'md' }, out: { type: 'string' }, quarter: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || !command || !['export', 'check', 'report', 'feedback'].includes(command)) {
    write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (values.quarter !== undefined && !QuarterId.safeParse(values.quarter).success) {
    write(`Unknown quarter "${values.quarter}": use the form 2026-Q3.\n`);
    return 2;
  }
  if (command === 'feedback' ? values.format !== 'csv' : command !== 'check' && values.format !== 'md') {
    write(`Unknown format "${values.format}": only md is available.\n`);
    return 2;
  }
  const config = loadConfig();
  const { store } = await openConfiguredStore(config);
  try {
    const overview = new PlanOverviewService(store, config.planId);
    const output = (markdown: string, what: string) => {
      if (values.out) {
        writeFileSync(values.out, markdown);
        write(`Wrote ${values.out}: ${what}, ${markdown.length} characters.\n`);
      } else write(markdown);
    };
    const services = createServices({ store, planId: config.planId, clock: systemClock, notifier: { notify: async () => 'no-conversation' } });
    if (command === 'feedback') {
      const names = new Map((await store.listPeople()).map((p) => [p.id, p.name]));
      const items = await services.feedback.all();
      output(feedbackCsv(items, names), `${items.length} feedback item(s)`);
      return 0;
    }
    if (command === 'report') {
      const { report, document } = await services.reports.report(values.quarter);
      output(renderMarkdown(document), `highlight report for ${report.quarter.id}`);
      return 0;
    }
    if (command === 'check') {
      const { report } = await overview.readiness();
      write(readinessText(report));
      return 0;
    }
    const snapshot = await overview.current();
    // A signed version carries its signatures and the fingerprint of the signed text.
    const signOff = (await services.signOff.signedRecord(snapshot.version)) ?? undefined;
    const coProduction = await services.feedback.published();
    output(renderMarkdown(compilePlan(snapshot.plan, { signOff, coProduction })), `plan ${snapshot.planId}, version ${snapshot.version}${signOff ? ', signed' : ''}`);
    return 0;
  } finally {
    await store.close();
  }
};

if (require.main === module) {
  runPlanCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError || isDomainError(error)) process.stderr.write(`${error.message}\n`);
      else process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
