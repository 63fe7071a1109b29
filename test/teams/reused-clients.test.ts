import type { Request, Response, TurnContext } from 'botbuilder';
import { ReusingTeamsAdapter } from '../../src/teams/reused-clients';

const activity = (serviceUrl: string, id: string) => ({
  type: 'message',
  id,
  text: 'hello',
  channelId: 'msteams',
  serviceUrl,
  from: { id: '29:someone', aadObjectId: 'someone' },
  recipient: { id: '28:bot' },
  conversation: { id: 'a:chat', conversationType: 'personal' },
});

/** One unauthenticated turn (local use): the clients botbuilder gave it. */
const turn = async (adapter: ReusingTeamsAdapter, serviceUrl: string, id: string) => {
  let clients: { connector: unknown; tokens: unknown } | undefined;
  const res = { status: () => undefined, header: () => undefined, send: () => undefined, end: () => undefined } as unknown as Response;
  await adapter.process({ body: activity(serviceUrl, id), headers: {}, method: 'POST' } as unknown as Request, res, async (context: TurnContext) => {
    clients = { connector: context.turnState.get(adapter.ConnectorClientKey), tokens: context.turnState.get(adapter.UserTokenClientKey) };
  });
  return clients!;
};

describe('the Teams adapter', () => {
  it('makes a connector client once per service URL, and a user token client once, not once per turn', async () => {
    const adapter = new ReusingTeamsAdapter({});
    const first = await turn(adapter, 'http://127.0.0.1:9/', '1');
    const second = await turn(adapter, 'http://127.0.0.1:9/', '2');
    const elsewhere = await turn(adapter, 'http://127.0.0.1:10/', '3');
    expect(first.connector).toBeDefined();
    expect(second.connector).toBe(first.connector);
    expect(second.tokens).toBe(first.tokens);
    expect(elsewhere.connector).not.toBe(first.connector);
    expect((elsewhere.connector as { baseUri?: string }).baseUri).toBe('http://127.0.0.1:10/');
  });
});
