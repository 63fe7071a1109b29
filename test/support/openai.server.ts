import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Record<string, unknown>;
}

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  /** Wait this long before answering: past the bot's timeout, it has given up. */
  readonly delayMs?: number;
}

/** A chat completion that says `text`, as OpenAI and Azure OpenAI answer. */
export const completion = (text: string | null, finishReason = 'stop'): Reply => ({
  status: 200,
  body: { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'gpt-test', choices: [{ index: 0, finish_reason: finishReason, message: { role: 'assistant', content: text } }] },
});

/**
 * A local OpenAI-compatible server over real HTTP: answers /v1/chat/completions and Azure's
 * /openai/deployments/<d>/chat/completions with the next reply queued, keeping every request.
 */
export const startModelServer = async () => {
  const seen: SeenRequest[] = [];
  const replies: Reply[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
      const path = (req.url ?? '').split('?')[0] ?? '';
      const known = path === '/v1/chat/completions' || /^\/openai\/deployments\/[^/]+\/chat\/completions$/.test(path);
      const reply = known ? (replies.shift() ?? completion('No reply was queued.')) : { status: 404, body: { error: { message: 'not found' } } };
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.body));
      };
      if (reply.delayMs) {
        const timer = setTimeout(() => (timers.delete(timer), answer()), reply.delayMs);
        timers.add(timer);
      } else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    seen,
    reply: (...next: Reply[]) => void replies.push(...next),
    close: async () => {
      timers.forEach(clearTimeout);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
