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
  const runtime = createTeamsRuntime(deps.config, {
    store: deps.store,
    planId: deps.config.planId,
    logger: deps.logger,
    matrices: deps.matrices,
    baseUrl: deps.config.publicBaseUrl,
  });

  // The plan exactly as sent for sign-off: the link in every signatory's card.
  server.get('/signoff/:token/plan.md', async (req, res) => {
    const token = String(req.params?.token ?? '');
    const round = /^[a-f0-9]{36}$/.test(token) ? await deps.store.findRoundByToken(token) : null;
    if (!round) {
      res.json(404, { status: 'not found' });
      return;
    }
    res.setHeader('content-type', 'text/markdown; charset=utf-8');
    res.setHeader('x-plan-sha256', round.planHash);
    res.sendRaw(200, round.document);
  });

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

  return { server, notifier: runtime.notifier, services: runtime.services };
};

export const listen = (server: restify.Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
