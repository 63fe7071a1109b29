import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One member of the fake team's roster, as Teams' connector answers it. */
export interface FakeMember {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly email?: string;
  readonly tenantId?: string;
}

export interface Posted {
  readonly conversationId: string;
  readonly body: { type?: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] };
}

/**
 * A stand-in for Teams' connector over real HTTP: it serves a team's roster
 * (/v3/conversations/{team}/pagedmembers, /v3/teams/{team}), opens 1:1 chats (POST /v3/conversations)
 * and receives what the bot posts. Failures can be put in the way of each call.
 */
export const startTeamsConnector = async (options: { teamId: string; teamName: string; tenantId: string; members: FakeMember[]; pageSize?: number }) => {
  const posted: Posted[] = [];
  const created: { memberId: string; conversationId: string; tenantId: string | undefined; isGroup: unknown }[] = [];
  const rosterReads: string[] = [];
  /** Statuses the next calls of a kind answer with, first one first. */
  const failures: Record<'roster' | 'create' | 'post', number[]> = { roster: [], create: [], post: [] };
  /** Members for whom opening a chat is refused (they blocked the app). */
  const blocked = new Set<string>();
  const waiters: (() => void)[] = [];

  const json = (res: ServerResponse, status: number, body: unknown) => {
    // restify patches Node's response prototype when it shares the process: no chaining.
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const fail = (kind: keyof typeof failures, res: ServerResponse): boolean => {
    const status = failures[kind].shift();
    if (status === undefined) return false;
    if (status === 429) res.setHeader('retry-after', '0');
    json(res, status, { error: { code: 'Failure', message: `HTTP ${status}` } });
    return true;
  };

  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      const body = data ? JSON.parse(data) : {};
      const paged = /^\/v3\/conversations\/(.+)\/pagedmembers$/.exec(path);
      const activities = /^\/v3\/conversations\/(.+)\/activities(\/.*)?$/.exec(path);
      if (req.method === 'GET' && paged) {
        rosterReads.push(paged[1]!);
        if (fail('roster', res)) return;
        if (paged[1] !== options.teamId) return json(res, 404, { error: { code: 'NotFound', message: 'no such team' } });
        const size = options.pageSize ?? 500;
        const start = Number(url.searchParams.get('continuationToken') ?? 0);
        const page = options.members.slice(start, start + size);
        const next = start + size < options.members.length ? String(start + size) : undefined;
        return json(res, 200, { members: page.map((m) => ({ ...m, userPrincipalName: m.email, tenantId: m.tenantId ?? options.tenantId, userRole: 'user' })), continuationToken: next });
      }
      if (req.method === 'GET' && path === `/v3/teams/${options.teamId}`) return json(res, 200, { id: options.teamId, name: options.teamName, aadGroupId: 'group' });
      if (req.method === 'POST' && path === '/v3/conversations') {
        if (fail('create', res)) return;
        const memberId = String(body.members?.[0]?.id ?? '');
        if (blocked.has(memberId)) return json(res, 403, { error: { code: 'Forbidden', message: 'The bot is blocked' } });
        const conversationId = `a:chat-${memberId}`;
        created.push({ memberId, conversationId, tenantId: body.tenantId, isGroup: body.isGroup });
        return json(res, 201, { id: conversationId });
      }
      if (req.method === 'POST' && activities) {
        if (fail('post', res)) return;
        posted.push({ conversationId: activities[1]!, body });
        json(res, 200, { id: `activity-${posted.length}` });
        waiters.splice(0).forEach((w) => w());
        return;
      }
      json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${path}` } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    posted,
    created,
    rosterReads,
    failures,
    blocked,
    /** What the bot posted into one conversation. */
    in: (conversationId: string) => posted.filter((p) => p.conversationId === conversationId),
    /** Waits (at most 5 s) until the bot has posted `count` activities in all. */
    waitFor: (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} posts, saw ${posted.length}`)), 5000);
        const check = () => (posted.length >= count ? (clearTimeout(timer), resolve()) : waiters.push(check));
        check();
      }),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};
