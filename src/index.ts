import { ConfigError, loadConfig } from './config';
import { openConfiguredStore } from './composition';
import { createLogger } from './logger';
import { createServer, listen } from './server';

const main = async (): Promise<void> => {
  const config = loadConfig();
  const logger = createLogger(config);
  const { store, bootstrap } = await openConfiguredStore(config);
  logger.info({ planId: config.planId, ...bootstrap }, bootstrap.seeded ? 'empty database: demo plan loaded' : 'store ready');
  if (!config.microsoftApp) logger.warn('No Microsoft app credentials: requests are not authenticated (local use only)');
  const server = createServer({ config, store, logger });
  const port = await listen(server, config.port);
  logger.info({ port }, `Bot listening on http://localhost:${port}/api/messages`);

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => void store.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
