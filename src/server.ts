import restify from 'restify';
import type { Store } from './app/ports';
import type { Config } from './config';
import type { Logger } from './logger';
import type { RiskScale } from './domain/plan.schema';
import type { RiskMatrix } from './domain/risk-rating';
import { createTeamsRuntime } from './teams/http.handler';

/** Activities are small; a larger body is refused before any work is done. */
const MAX_BODY_BYTES = 512 * 1024;

export interface ServerDependencies {
  readonly config: Config;
  readonly store: Store;
  readonly logger: Logger;
  readonly matrices?: Readonly<Record<RiskScale, RiskMatrix>>;
}

export const createServer = (deps: ServerDependencies) => {
  const server = restify.createServer({ name: 'send-plan-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  const runtime = createTeamsRuntime(deps.config, { store: deps.store, planId: deps.config.planId, logger: deps.logger, matrices: deps.matrices });

  server.post('/api/messages', async (req, res) => {
    await runtime.handleMessages(req, res);
  });

  server.get('/healthz', async (_req, res) => {
    try {
      const snapshot = await deps.store.loadPlan(deps.config.planId);
      res.json(200, { status: 'ok', planId: deps.config.planId, planVersion: snapshot?.version ?? null });
    } catch (error) {
      deps.logger.error({ err: error }, 'health check failed');
      res.json(503, { status: 'unavailable' });
    }
  });

  return { server, notifier: runtime.notifier };
};

export const listen = (server: restify.Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
