import restify from 'restify';
import type { Clock, Store } from './app/ports';
import type { Config } from './config';
import type { Logger } from './logger';
import type { RiskScale } from './domain/plan.schema';
import type { RiskMatrix } from './domain/risk-rating';
import type { OpenedLink } from './app/document-export.service';
import { createTeamsRuntime } from './teams/http.handler';

/** Activities are small; a larger body is refused before any work is done. */
const MAX_BODY_BYTES = 512 * 1024;

export interface ServerDependencies {
  readonly config: Config;
  readonly store: Store;
  readonly logger: Logger;
  readonly matrices?: Readonly<Record<RiskScale, RiskMatrix>>;
  /** The system clock unless a test moves time on (link expiry, reminders). */
  readonly clock?: Clock;
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
    linkDays: deps.config.downloadLinkDays,
    clock: deps.clock,
  });

  const sendFile = (res: restify.Response, opened: OpenedLink) => {
    // Nothing about a plan is cached by a browser or proxy, and nothing is sniffed into HTML.
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    if (opened.status === 'not-found') return res.json(404, { status: 'not found' });
    if (opened.status === 'gone') return res.json(410, { status: 'gone', reason: opened.reason });
    const { file } = opened;
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('x-plan-sha256', file.provenance.hash);
    res.setHeader('x-plan-version', String(file.provenance.version));
    return res.sendRaw(200, file.body);
  };

  // A personal download link: the token is unguessable and expires; the file name is for the browser only.
  server.get('/documents/:token/:file', async (req, res) => {
    const token = String(req.params?.token ?? '');
    sendFile(res, /^[A-Za-z0-9_-]{32}$/.test(token) ? await runtime.services.exports.openLink(token) : { status: 'not-found' });
  });

  // The plan exactly as sent for sign-off: the link in every signatory's card.
  server.get('/signoff/:token/:file', async (req, res) => {
    const token = String(req.params?.token ?? '');
    const format = String(req.params?.file ?? '') === 'plan.docx' ? 'docx' : String(req.params?.file ?? '') === 'plan.md' ? 'md' : null;
    sendFile(res, /^[a-f0-9]{36}$/.test(token) && format ? await runtime.services.exports.openSentPlan(token, format) : { status: 'not-found' });
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
