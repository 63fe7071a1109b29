import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PlanOverviewService } from '../app/plan-overview.service';
import { ConfigError, loadConfig } from '../config';
import { openConfiguredStore } from '../composition';
import { isDomainError } from '../domain/errors';
import { renderMarkdown } from '../export/markdown.renderer';
import { readinessText } from './readiness.text';

const USAGE = `Usage: npm run plan -- <command> [options]

Commands:
  export --format md [--out FILE]   Write the compiled plan (Annex A order) as Markdown
  check                             Show readiness: the 41 core minimum requirements and the guidance rules

Reads DATABASE_URL (default sqlite:./data/send-plan.db) and PLAN_ID like the bot does.`;

export const runPlanCli = async (argv: string[], write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> => {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'md' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || !command || !['export', 'check'].includes(command)) {
    write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (command === 'export' && values.format !== 'md') {
    write(`Unknown format "${values.format}": only md is available.\n`);
    return 2;
  }
  const config = loadConfig();
  const { store } = await openConfiguredStore(config);
  try {
    const overview = new PlanOverviewService(store, config.planId);
    if (command === 'check') {
      const { report } = await overview.readiness();
      write(readinessText(report));
      return 0;
    }
    const { snapshot, document } = await overview.compile();
    const markdown = renderMarkdown(document);
    if (values.out) {
      writeFileSync(values.out, markdown);
      write(`Wrote ${values.out}: plan ${snapshot.planId}, version ${snapshot.version}, ${markdown.length} characters.\n`);
    } else write(markdown);
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
