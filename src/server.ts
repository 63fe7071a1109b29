import restify from 'restify';
import type { Clock, Store } from './app/ports';
import { assertCanServe, type Config } from './config';
import { RateLimiter } from './rate-limit';
import type { Logger } from './logger';
import type { RiskScale } from './domain/plan.schema';
import type { RiskMatrix } from './domain/risk-rating';
import type { OpenedLink } from './app/document-export.service';
import { createTeamsRuntime } from './teams/http.handler';
import type { Understanding } from './app/understanding.port';

/** Activities are small; a larger body is refused before any work is done. */
const MAX_BODY_BYTES = 512 * 1024;

export interface ServerDependencies {
  readonly config: Config;
  readonly store: Store;
  readonly logger: Logger;
  readonly matrices?: Readonly<Record<RiskScale, RiskMatrix>>;
  /** The system clock unless a test moves time on (link expiry, reminders). */
  readonly clock?: Clock;
  /** Reads free text: trained once at start-up (index.ts); trained on first use when absent. */
  readonly understanding?: Understanding;
}

/** The client address a limit is kept for (the socket's: a forwarded-for header is the client's say-so). */
const clientAddress = (req: restify.Request): string => req.socket?.remoteAddress ?? 'unknown';

const isJson = (contentType: string | undefined): boolean => /^application\/json\s*(;|$)/i.test(contentType ?? '');

/**
 * The body of /api/messages: JSON only, read into memory up to MAX_BODY_BYTES, never a file.
 * Resolves to the parsed value, or to the status to answer (413 too large, 400 not JSON).
 */
const readJsonBody = (req: restify.Request): Promise<{ ok: true; value: unknown } | { ok: false; status: number }> =>
  new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      resolve({ ok: false, status: 413 });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: { ok: true; value: unknown } | { ok: false; status: number }) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        req.resume();
        finish({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        finish({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        finish({ ok: false, status: 400 });
      }
    });
    req.on('error', () => finish({ ok: false, status: 400 }));
  });

const STATUS_WORDS: Record<number, string> = { 400: 'bad request', 413: 'too large', 415: 'unsupported media type' };

export const createServer = (deps: ServerDependencies) => {
  // Fail closed: no credentials and no explicit ALLOW_UNAUTHENTICATED, or no tenant for an authenticated bot.
  assertCanServe(deps.config);
  const server = restify.createServer({ name: 'send-plan-bot', log: deps.logger.child({ component: 'restify' }) as unknown as restify.ServerOptions['log'] });
  const perIp = new RateLimiter(deps.config.rateLimits.perIpPerMinute);
  // Whatever goes wrong inside, the answer says only its status: no internal message leaves the process.
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    // restify answers a plain Error with a new InternalError carrying its text: with a status of
    // its own the error itself is sent, worded by toJSON below.
    err.statusCode = status;
    if (status >= 500) deps.logger.error({ err, method: req.method, route: req.getRoute?.()?.path }, 'request failed');
    err.toJSON = () => ({ status: status >= 500 ? 'error' : (STATUS_WORDS[status] ?? 'refused') });
    callback();
  });
  const runtime = createTeamsRuntime(deps.config, {
    store: deps.store,
    planId: deps.config.planId,
    logger: deps.logger,
    matrices: deps.matrices,
    gaps: deps.config.exportGaps,
    baseUrl: deps.config.publicBaseUrl,
    linkDays: deps.config.downloadLinkDays,
    clock: deps.clock,
    understanding: deps.understanding,
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

  // Refusals come before any work: the client's rate, then the media type, then the size, then the shape.
  server.post('/api/messages', async (req, res) => {
    // (restify logs any value an async handler returns, request and all: so nothing is returned.)
    const answer = (status: number, body?: unknown, headers: Readonly<Record<string, string>> = {}) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      if (body === undefined) {
        res.status(status);
        res.end();
      } else res.json(status, body);
    };
    const ip = perIp.take(clientAddress(req));
    if (!ip.allowed) {
      req.resume();
      answer(429, { status: 'too many requests' }, { 'retry-after': String(ip.retryAfterSeconds) });
      return;
    }
    if (!isJson(req.headers['content-type'])) {
      req.resume();
      answer(415, { status: 'unsupported media type', message: 'Send the activity as application/json.' });
      return;
    }
    const body = await readJsonBody(req);
    if (!body.ok) {
      answer(body.status, { status: STATUS_WORDS[body.status] ?? 'bad request' });
      return;
    }
    (req as { body?: unknown }).body = body.value;
    try {
      const outcome = await runtime.handleMessages(req);
      answer(outcome.status, outcome.body, outcome.headers);
    } catch (error) {
      deps.logger.error({ err: error }, 'messages endpoint failed');
      answer(500, { status: 'error' });
    }
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

/** Loopback unless told otherwise: an unauthenticated bot is never reachable from another machine. */
export const listen = (server: restify.Server, port: number, host: string | undefined = '127.0.0.1'): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    const ready = () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    if (host) server.listen(port, host, ready);
    else server.listen(port, ready);
  });
