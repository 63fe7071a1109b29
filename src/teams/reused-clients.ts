import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import type { CloudAdapter } from 'botbuilder';

type Authentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type Claims = Parameters<Authentication['createConnectorFactory']>[0];
type Factory = ReturnType<Authentication['createConnectorFactory']>;
type Connector = Awaited<ReturnType<Factory['create']>>;
type TokenClient = Awaited<ReturnType<Authentication['createUserTokenClient']>>;

/** More service URLs than this means something is wrong: the clients kept are let go and made again. */
const MOST_KEPT = 100;

/** The bot's app id as Bot Framework reads it from a turn's claims: the token's audience, or the emulator's app id. */
const appIdOf = (claims: Claims): string => claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';

const once = <T>(kept: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
  let client = kept.get(key);
  if (!client) {
    if (kept.size >= MOST_KEPT) kept.clear();
    client = make();
    kept.set(key, client);
    // One that could not be made is not kept: the next turn tries again.
    client.catch(() => kept.get(key) === client && kept.delete(key));
  }
  return client;
};

/**
 * botbuilder's CloudAdapter makes a new connector client and user token client, each with its
 * own HTTP pipeline, for every turn, though they hold nothing of the turn (a tenth of the CPU of
 * a quarterly update, issue 21). Here each is made once per app id, service URL and audience and
 * then reused, as botbuilder's BotFrameworkAdapter did; their credentials fetch and renew tokens
 * themselves.
 */
export class ReusingTeamsAdapter extends TeamsAdapter {
  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    const auth = this.botFrameworkAuthentication;
    const connectors = new Map<string, Promise<Connector>>();
    const tokenClients = new Map<string, Promise<TokenClient>>();
    const reusing = (factory: Factory, appId: string): Factory =>
      ({ create: (serviceUrl: string, audience?: string) => once(connectors, JSON.stringify([appId, serviceUrl, audience ?? null]), () => factory.create(serviceUrl, audience)) }) as Factory;

    const authenticateRequest = auth.authenticateRequest.bind(auth);
    auth.authenticateRequest = async (activity, authHeader) => {
      const result = await authenticateRequest(activity, authHeader);
      return result.connectorFactory ? { ...result, connectorFactory: reusing(result.connectorFactory, appIdOf(result.claimsIdentity)) } : result;
    };
    const createConnectorFactory = auth.createConnectorFactory.bind(auth);
    auth.createConnectorFactory = (claims) => reusing(createConnectorFactory(claims), appIdOf(claims));
    const createUserTokenClient = auth.createUserTokenClient.bind(auth);
    auth.createUserTokenClient = (claims) => once(tokenClients, appIdOf(claims), () => createUserTokenClient(claims));
  }
}
