import { ReminderService } from './app/reminder.service';
import { systemClock } from './app/ports';
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
  logger.info({ planId: config.planId, ...bootstrap }, bootstrap.seeded ? 'empty database: demo plan loaded' : 'store ready');
  if (!config.microsoftApp) logger.warn('ALLOW_UNAUTHENTICATED: requests are not authenticated; listening on 127.0.0.1 only (local use)');
  // Free text is understood by a model trained here, once, from the corpus in src/language: before listening, so no message waits for it.
  const understanding = await sharedUnderstanding();
  logger.info('language model trained');
  const { server, notifier, services } = createServer({ config, store, logger, matrices, understanding });
  const port = await listen(server, config.port, config.listenHost);
  logger.info({ port, host: config.listenHost ?? 'all interfaces' }, `Bot listening on http://${config.listenHost ?? 'localhost'}:${port}/api/messages`);

  // Reminders live in the database; each tick schedules what is missing and sends what is due,
  // so ones that fell due while the bot was down go out now, once.
  const reminders = new ReminderService(store, config.planId, notifier, systemClock, config.reminders);
  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    ticking = true;
    try {
      // Notifications queued with a change but not sent yet (a crash after commit, Teams answering 429).
      const outbox = [...(await services.outbox.dispatch()).values()];
      if (outbox.length) logger.info({ sent: outbox.filter((o) => o === 'sent').length, retrying: outbox.filter((o) => o === 'retrying').length, notSent: outbox.filter((o) => o !== 'sent' && o !== 'retrying').length }, 'outbox');
      const result = await reminders.tick();
      if (result.sent || result.retrying) logger.info(result, 'reminders');
      const signOff = await services.signOff.remind({ days: config.signOffReminderDays });
      if (signOff.sent.length) logger.info(signOff, 'sign-off reminders');
      const flagged = await services.feedback.flagUnanswered(config.feedbackAnswerDays);
      if (flagged) logger.info({ flagged }, 'unanswered feedback flagged to the SRO');
    } catch (error) {
      logger.error({ err: error }, 'reminder tick failed');
    } finally {
      ticking = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), config.reminders.intervalSeconds * 1000);
  timer.unref();

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    clearInterval(timer);
    server.close(() => void store.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
};

main().catch((error: unknown) => {
  process.stderr.write(`${oneLineError(error)}\n`);
  process.exit(1);
});
