import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphAppInstaller, type GraphAppInstallerOptions } from '../../src/teams/graph/graph-app-installer';

const TENANT = '0b5c6b00-1111-4222-8333-444455556666';
const CLIENT_ID = 'c1c1c1c1-2222-4333-8444-555566667777';
const SECRET = 'Sup3r~S3cret.value_that-must-not-leak';
const TEAMS_APP_ID = 'a9a9a9a9-1234-4567-89ab-cdef01234567';
const CATALOG_ID = '22f73bbe-f67a-4dea-bd54-54cac718cb2b';
const ALICE = '5b649834-7412-4cce-9e69-176e95a394f5';
const BOB = 'f32b83bb-4fc8-4db7-b7f5-76cdbbb8aa1c';

type Route = 'token' | 'catalogue' | 'install' | 'list' | 'chat' | 'unknown';

interface Seen {
  readonly route: Route;
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly authorization: string | undefined;
  readonly body: string;
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly delayMs?: number;
}

const graphError = (status: number, code: string, message: string, headers?: Record<string, string>): Reply => ({ status, body: { error: { code, message } }, headers });
/** The installation id Graph would give: base64, so it has characters a path must escape. */
const installationOf = (user: string) => Buffer.from(`${user}##${CATALOG_ID}`).toString('base64');
const chatOf = (user: string) => `19:${user}_${CLIENT_ID}@unq.gbl.spaces`;

const routeOf = (method: string, path: string): Route => {
  if (method === 'POST' && path === `/${TENANT}/oauth2/v2.0/token`) return 'token';
  if (method === 'GET' && path === '/v1.0/appCatalogs/teamsApps') return 'catalogue';
  if (/^\/v1\.0\/users\/[^/]+\/teamwork\/installedApps$/.test(path)) return method === 'POST' ? 'install' : 'list';
  if (method === 'GET' && /^\/v1\.0\/users\/[^/]+\/teamwork\/installedApps\/[^/]+\/chat$/.test(path)) return 'chat';
  return 'unknown';
};

/** A stand-in for Entra's token endpoint and the slice of Graph the installer uses, over real HTTP. */
const startFakeGraph = async () => {
  const seen: Seen[] = [];
  const queued: Partial<Record<Route, Reply[]>> = {};
  let tokens = 0;
  const defaults = (route: Route, path: string): Reply => {
    const user = path.split('/')[3] ?? '';
    switch (route) {
      case 'token':
        tokens += 1;
        return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, access_token: `token-${tokens}` } };
      case 'catalogue':
        return { status: 200, body: { value: [{ id: CATALOG_ID, externalId: TEAMS_APP_ID, displayName: 'SEND Reform Plan', distributionMethod: 'organization' }] } };
      case 'install':
        return { status: 201 };
      case 'list':
        return { status: 200, body: { value: [{ id: installationOf(user), teamsApp: { id: CATALOG_ID, externalId: TEAMS_APP_ID } }] } };
      case 'chat':
        return { status: 200, body: { id: chatOf(user) } };
      default:
        return graphError(404, 'NotFound', 'no such route');
    }
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const path = decodeURIComponent(url.pathname);
      const route = routeOf(req.method ?? '', path);
      seen.push({ route, method: req.method ?? '', path, query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization, body });
      const reply = queued[route]?.shift() ?? defaults(route, path);
      const answer = () => {
        res.writeHead(reply.status, { ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...reply.headers });
        res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    seen,
    /** The next replies on a route, in order; then the default again. */
    queue: (route: Route, ...replies: Reply[]) => (queued[route] ??= []).push(...replies),
    count: (route: Route) => seen.filter((s) => s.route === route).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

describe('GraphAppInstaller', () => {
  let fake: Awaited<ReturnType<typeof startFakeGraph>>;
  const installer = (extra: Partial<GraphAppInstallerOptions> = {}) =>
    new GraphAppInstaller({ tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET, teamsAppId: TEAMS_APP_ID, graphBaseUrl: `${fake.base}/v1.0`, loginBaseUrl: fake.base, ...extra });
  /** The error an install threw (failing the test if it answered instead). */
  const thrown = async (promise: Promise<unknown>) => {
    const outcome = await promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    if (!('error' in outcome)) throw new Error(`expected a throw, got ${JSON.stringify(outcome.value)}`);
    return outcome.error as Error & { code?: string; statusCode?: number; response?: { headers: Record<string, string> } };
  };

  beforeEach(async () => {
    fake = await startFakeGraph();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('installs for two people with one token and one catalogue look-up, answering each chat', async () => {
    const graph = installer();
    await expect(graph.installFor(ALICE)).resolves.toEqual({ kind: 'installed', conversationId: chatOf(ALICE) });
    await expect(graph.installFor(BOB)).resolves.toEqual({ kind: 'installed', conversationId: chatOf(BOB) });

    expect(fake.seen.map((s) => `${s.method} ${s.route}`)).toEqual([
      'POST token', 'GET catalogue', 'POST install', 'GET list', 'GET chat', 'POST install', 'GET list', 'GET chat',
    ]);
    const [token, catalogue, install, list, chat] = fake.seen;
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({
      grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: SECRET, scope: 'https://graph.microsoft.com/.default',
    });
    expect(token?.authorization).toBeUndefined();
    expect(catalogue?.query).toEqual({ $filter: `externalId eq '${TEAMS_APP_ID}'` });
    expect(install?.path).toBe(`/v1.0/users/${ALICE}/teamwork/installedApps`);
    expect(JSON.parse(install?.body ?? '')).toEqual({ 'teamsApp@odata.bind': `${fake.base}/v1.0/appCatalogs/teamsApps/${CATALOG_ID}` });
    expect(list?.query).toEqual({ $expand: 'teamsApp', $filter: `teamsApp/id eq '${CATALOG_ID}'` });
    expect(chat?.path).toBe(`/v1.0/users/${ALICE}/teamwork/installedApps/${installationOf(ALICE)}/chat`);
    expect(fake.seen.filter((s) => s.route !== 'token').every((s) => s.authorization === 'Bearer token-1')).toBe(true);
    expect(fake.seen[5]?.path).toBe(`/v1.0/users/${BOB}/teamwork/installedApps`);
  });

  it('treats 409 (installed before) as installed and still finds the chat', async () => {
    fake.queue('install', graphError(409, 'Conflict', 'App is already installed.'));
    await expect(installer().installFor(ALICE)).resolves.toEqual({ kind: 'installed', conversationId: chatOf(ALICE) });
    expect(fake.count('list')).toBe(1);
    expect(fake.count('chat')).toBe(1);
  });

  it.each<[string, Route, Reply, string]>([
    ['403 on install (permission not granted or app blocked)', 'install', graphError(403, 'Forbidden', 'Missing role permissions on the request.'), 'not-permitted'],
    ['404 on install (no such user)', 'install', graphError(404, 'NotFound', 'User not found.'), 'not-found'],
    ['a guest, refused with 403', 'install', graphError(403, 'Forbidden', 'Guest users are not supported for this operation.'), 'wrong-tenant'],
    ['a user homed in another tenant, refused with 400', 'install', graphError(400, 'BadRequest', 'The user belongs to another tenant.'), 'wrong-tenant'],
    ['the app missing from the catalogue', 'catalogue', { status: 200, body: { value: [] } }, 'not-permitted'],
    ['403 on the catalogue', 'catalogue', graphError(403, 'Forbidden', 'Insufficient privileges.'), 'not-permitted'],
    ['nothing listed after installing (manifest lacks webApplicationInfo)', 'list', { status: 200, body: { value: [] } }, 'not-permitted'],
  ])('refuses on %s', async (_case, route, reply, reason) => {
    fake.queue(route, reply);
    await expect(installer().installFor(ALICE)).resolves.toEqual({ kind: 'refused', reason });
  });

  it('does not keep "not in the catalogue": an app published later is found on the next call', async () => {
    fake.queue('catalogue', { status: 200, body: { value: [] } });
    const graph = installer();
    await expect(graph.installFor(ALICE)).resolves.toEqual({ kind: 'refused', reason: 'not-permitted' });
    await expect(graph.installFor(ALICE)).resolves.toEqual({ kind: 'installed', conversationId: chatOf(ALICE) });
    expect(fake.count('catalogue')).toBe(2);
  });

  it.each<[string, Route, Reply, number, Record<string, string> | undefined]>([
    ['429 on install, with Retry-After', 'install', graphError(429, 'TooManyRequests', 'Slow down.', { 'retry-after': '7' }), 429, { 'retry-after': '7' }],
    ['429 on the chat, without Retry-After', 'chat', graphError(429, 'TooManyRequests', 'Slow down.'), 429, {}],
    ['503 on install', 'install', graphError(503, 'ServiceUnavailable', 'Try later.'), 503, undefined],
    ['500 on the catalogue', 'catalogue', { status: 500, body: 'not json' }, 500, undefined],
    ['a 200 body that is not a chat', 'chat', { status: 200, body: { topic: 'no id' } }, 502, undefined],
  ])('throws on %s, with its statusCode', async (_case, route, reply, statusCode, headers) => {
    fake.queue(route, reply);
    const error = await thrown(installer().installFor(ALICE));
    expect(error.statusCode).toBe(statusCode);
    expect(error.response?.headers).toEqual(headers);
  });

  it('throws GRAPH.AUTH (401, not transient) when Entra refuses the credentials, never echoing the secret', async () => {
    fake.queue('token', { status: 401, body: { error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret provided: '${SECRET}'.` } });
    const error = await thrown(installer().installFor(ALICE));
    expect(error.message).toMatch(/^GRAPH\.AUTH/);
    expect(error.message).toContain('AADSTS7000215');
    expect(error.code).toBe('GRAPH.AUTH');
    expect(error.statusCode).toBe(401);
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(SECRET);
    expect(fake.count('catalogue')).toBe(0);
  });

  it('never puts the secret or the token in a message, even when Graph echoes them', async () => {
    fake.queue('install', graphError(503, 'ServiceUnavailable', `token token-1 and ${SECRET} and eyJhbGciOi.eyJzdWIi.sig were rejected`));
    const error = await thrown(installer().installFor(ALICE));
    const everything = `${error.message} ${error.stack} ${JSON.stringify(error)}`;
    expect(error.statusCode).toBe(503);
    for (const secret of [SECRET, 'token-1', 'eyJhbGciOi']) expect(everything).not.toContain(secret);
  });

  it('asks for a new token once when Graph refuses one, then gives up with GRAPH.AUTH', async () => {
    fake.queue('install', graphError(401, 'InvalidAuthenticationToken', 'Access token has expired.'));
    await expect(installer().installFor(ALICE)).resolves.toEqual({ kind: 'installed', conversationId: chatOf(ALICE) });
    expect(fake.seen.filter((s) => s.route === 'install').map((s) => s.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);

    fake.queue('install', graphError(401, 'InvalidAuthenticationToken', 'No.'), graphError(401, 'InvalidAuthenticationToken', 'No.'));
    const error = await thrown(installer().installFor(BOB));
    expect(error).toMatchObject({ code: 'GRAPH.AUTH', statusCode: 401 });
  });

  it('renews a token that expires within five minutes rather than keeping it', async () => {
    fake.queue('token', { status: 200, body: { token_type: 'Bearer', expires_in: 240, access_token: 'short-lived' } });
    const graph = installer();
    await graph.installFor(ALICE);
    await graph.installFor(BOB);
    expect(fake.count('token')).toBe(2);
  });

  it('throws without a statusCode when Graph does not answer in time', async () => {
    fake.queue('install', { status: 201, delayMs: 2000 });
    const error = await thrown(installer({ timeoutMs: 150 }).installFor(ALICE));
    expect(error.code).toBe('GRAPH.TIMEOUT');
    expect(error.statusCode).toBeUndefined();
  });

  it('throws without a statusCode when the sign-in service cannot be reached', async () => {
    const closed = await startFakeGraph();
    await closed.close();
    const error = await thrown(installer({ loginBaseUrl: closed.base }).installFor(ALICE));
    expect(error.code).toBe('GRAPH.UNREACHABLE');
    expect(error.statusCode).toBeUndefined();
  });

  it.each(['not-a-guid', '', `${ALICE}/../../admin`, `29:${ALICE}`, `${ALICE} `])('refuses %j as not-found without any request', async (id) => {
    await expect(installer().installFor(id)).resolves.toEqual({ kind: 'refused', reason: 'not-found' });
    expect(fake.seen).toHaveLength(0);
  });
});
