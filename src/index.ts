import { startBackgroundWork } from './background-work';
import { assertCanServe, loadConfig } from './config';
import { loadEnvFile } from './env-file';
import { oneLineError } from './one-line-error';
import { openConfiguredStore } from './composition';
import { createLogger, routeConsoleTo } from './logger';
import { createServer, listen } from './server';
import { readRiskMatrices } from './storage/risk-matrix-file';
import { sharedUnderstanding } from './language/nlp.understanding';

const main = async (): Promise<void> => {
  // Settings from ./.env first; variables set in the environment win.
  loadEnvFile();
  const config = loadConfig();
  // Refuse before opening the database: no credentials and no ALLOW_UNAUTHENTICATED means no bot.
  assertCanServe(config);
  const logger = createLogger(config);
  routeConsoleTo(logger);
  for (const warning of config.warnings) logger.warn(warning);
  const matrices = readRiskMatrices(config.riskMatrixFile);
  const { store, bootstrap } = await openConfiguredStore(config);
  logger.info({ planId: config.planId, ...bootstrap }, bootstrap.created ? `empty database: ${bootstrap.created === 'demo' ? 'demo plan loaded' : 'blank plan started'}` : 'store ready');
  if (bootstrap.roster.notInFile > 0) {
    logger.info(
      { notInFile: bootstrap.roster.notInFile },
      'people may use the bot who are not in the roster file: with ROSTER_SYNC=seed the file only adds people; the SRO removes them in Teams ("people"), or set ROSTER_SYNC=replace',
    );
  }
  if (!config.microsoftApp) logger.warn('ALLOW_UNAUTHENTICATED: requests are not authenticated; listening on 127.0.0.1 only (local use)');
  // Free text is understood by a model trained here, once, from the corpus in src/language: before listening, so no message waits for it.
  const understanding = await sharedUnderstanding();
  logger.info('language model trained');
  const { server, notifier, services } = createServer({ config, store, logger, matrices, understanding });
  const port = await listen(server, config.port, config.listenHost);
  logger.info({ port, host: config.listenHost ?? 'all interfaces' }, `Bot listening on http://${config.listenHost ?? 'localhost'}:${port}/api/messages`);

  // Reminders live in the database; each tick schedules what is missing and sends what is due,
  // so ones that fell due while the bot was down go out now, once, whichever instance sends them.
  const background = startBackgroundWork({ config, store, services, notifier, logger });

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => void background.stop().then(() => store.close()).then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
};

main().catch((error: unknown) => {
  process.stderr.write(`${oneLineError(error)}\n`);
  process.exit(1);
});
