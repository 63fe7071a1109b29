import type { Request, Response } from 'botbuilder';
import { z } from 'zod';
import type { Config } from '../config';
import { RateLimiter, type RateLimitDecision } from '../rate-limit';
import { createBot, type BotDependencies } from './bot.app';
import { BotFrameworkTeamDirectory } from './team-directory';
import { continueConversation } from './proactive';
import { isTeamsServiceUrl, refuseServiceUrl } from './service-url';
import { GraphAppInstaller } from './graph/graph-app-installer';
import { ReusingTeamsAdapter } from './reused-clients';
import type { DraftingModel } from '../app/drafting.port';
import type { DraftingModelConfig } from '../config';

/**
 * The least an activity must be before the adapter sees it: wrong shapes (`{}`, `from: "x"`,
 * `conversation: null`) are a 400 here instead of an exception inside botbuilder.
 */
const text = (max: number) => z.string().max(max);
const account = z.object({ id: text(1000).min(1), name: text(1000).optional(), aadObjectId: text(200).optional() }).passthrough();
/** Where replies go: an absolute http(s) address, or botbuilder fails late, inside the turn, with a 500. */
const ServiceUrl = text(2000).refine((url) => {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}, 'serviceUrl must be an http or https address');
const ActivityShape = z
  .object({
    type: text(100).min(1),
    id: text(1000).optional(),
    channelId: text(100).optional(),
    // What every Bot Framework channel sends, and botbuilder cannot answer without.
    serviceUrl: ServiceUrl,
    from: account,
    recipient: account,
    conversation: z
      .object({ id: text(1000).min(1), tenantId: text(200).optional(), conversationType: text(50).optional(), isGroup: z.boolean().optional(), name: text(1000).optional() })
      .passthrough(),
    channelData: z.object({ tenant: z.object({ id: text(200).optional() }).passthrough().optional(), team: z.object({ id: text(1000) }).passthrough().optional(), eventType: text(100).optional() }).passthrough().optional(),
    text: text(100_000).optional(),
    name: text(200).optional(),
    action: text(100).optional(),
    locale: text(100).optional(),
    replyToId: text(1000).optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
    attachments: z.array(z.object({}).passthrough()).max(100).optional(),
    entities: z.array(z.object({}).passthrough()).max(100).optional(),
  })
  .passthrough();
type ActivityShape = z.infer<typeof ActivityShape>;

/** The tenant an activity says it comes from; both places Teams puts it must agree. */
export const tenantAllowed = (allowed: readonly string[], activity: ActivityShape): boolean => {
  if (allowed.length === 0) return true;
  const claimed = [activity.conversation?.tenantId, activity.channelData?.tenant?.id].filter((t): t is string => typeof t === 'string' && t.length > 0);
  return claimed.length > 0 && claimed.every((t) => allowed.includes(t.toLowerCase()));
};

/** The configured AI model, loaded (teams-ai's models and tokenizers with it) only when first asked for a draft. */
const lazyDraftingModel = (config: DraftingModelConfig): DraftingModel => {
  let model: Promise<DraftingModel> | undefined;
  return {
    complete: async (promptName, variables) => {
      model ??= import('./ai/drafting.model').then((m) => new m.TeamsAiDraftingModel(config));
      return (await model).complete(promptName, variables);
    },
  };
};

/** What /api/messages answers; the body is always one of ours, never an internal message. */
export interface MessagesOutcome {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The Bot Framework endpoint. With Microsoft app credentials, every request's token is checked
 * as Bot Framework does; without them (local Playground only) requests are accepted unsigned.
 */
export const createTeamsRuntime = (config: Config, deps: BotDependencies) => {
  const app = config.microsoftApp;
  const adapter = new ReusingTeamsAdapter(
    app
      ? {
          MicrosoftAppId: app.id,
          MicrosoftAppPassword: app.password,
          MicrosoftAppTenantId: app.tenantId,
          MicrosoftAppType: app.type,
        }
      : {},
  );
  // Locally (Agents Playground, tests) the connector is on this machine and no token is sent.
  const serviceUrlAllowed = (url: unknown) => !app || isTeamsServiceUrl(url);
  const bot = createBot(
    {
      ...deps,
      directory: deps.directory ?? new BotFrameworkTeamDirectory(adapter, app?.id ?? '', serviceUrlAllowed),
      installer: deps.installer ?? (config.graphInstall ? new GraphAppInstaller(config.graphInstall) : undefined),
      allowedTenantIds: config.allowedTenantIds,
      rosterManagedByFile: config.rosterSync === 'replace',
      draftingModel: deps.draftingModel ?? (config.drafting ? lazyDraftingModel(config.drafting) : undefined),
      proactive: async (reference, activity) => {
        if (!serviceUrlAllowed(reference.serviceUrl)) refuseServiceUrl(reference.serviceUrl);
        await continueConversation(adapter, app?.id ?? '', reference, async (context) => {
          await context.sendActivity(activity);
        });
      },
    },
    adapter,
  );
  adapter.onTurnError = async (context, error) => {
    deps.logger.error({ err: error }, 'adapter turn error');
    await context.sendActivity('Sorry, something went wrong on our side and your last request was not completed. Please try again.');
  };
  const perPerson = new RateLimiter(config.rateLimits.perPersonPerMinute);

  /**
   * One activity, start to end: shape (400), then the adapter authenticates it (401) and,
   * before any bot work, its tenant (403) and the person's rate limit (429). botbuilder's own answers are
   * captured and replaced by ours, so its internal messages (key-server addresses, exceptions)
   * never leave the process; a failure before the turn started is an authentication failure.
   */
  const handleMessages = async (req: Request): Promise<MessagesOutcome> => {
    const parsed = ActivityShape.safeParse(req.body);
    if (!parsed.success) return { status: 400, body: { status: 'bad request', message: 'The request body is not a Bot Framework activity.' } };
    let turnStarted = false;
    let wrongTenant = false;
    let limited: RateLimitDecision | undefined;
    const captured: { status: number; body?: unknown } = { status: 200 };
    const capture = {
      status: (code: number) => void (captured.status = code),
      header: () => undefined,
      send: (body: unknown) => void (captured.body = body),
      end: () => undefined,
    } as unknown as Response;
    try {
      await adapter.process(req, capture, async (context) => {
        turnStarted = true;
        // Authenticated now: the channel and the tenant are checked before anything else is done with
        // the activity. Only Teams, and only Teams' own connector: the service URL is where replies,
        // and the bot's token, go.
        if (app && (parsed.data.channelId !== 'msteams' || !isTeamsServiceUrl(parsed.data.serviceUrl))) {
          wrongTenant = true;
          deps.logger.warn({ channelId: parsed.data.channelId ?? null }, 'activity from a channel or service URL that is not Teams: refused');
          return;
        }
        if (!tenantAllowed(config.allowedTenantIds, parsed.data)) {
          wrongTenant = true;
          deps.logger.warn({ tenantId: parsed.data.conversation?.tenantId ?? parsed.data.channelData?.tenant?.id ?? null }, 'activity from a tenant that is not allowed');
          return;
        }
        const person = context.activity.from?.aadObjectId;
        if (person) {
          const decision = perPerson.take(person);
          if (!decision.allowed) {
            limited = decision;
            return;
          }
        }
        await bot.app.run(context);
      });
    } catch (error) {
      deps.logger.warn({ err: error }, turnStarted ? 'turn failed outside the bot' : 'request refused before its turn');
      return turnStarted ? { status: 500, body: { status: 'error' } } : { status: 401, body: { status: 'unauthorized' } };
    }
    if (wrongTenant) return { status: 403, body: { status: 'forbidden' } };
    if (limited) return { status: 429, body: { status: 'too many requests' }, headers: { 'retry-after': String(limited.retryAfterSeconds) } };
    if (captured.status === 401 || captured.status === 403 || (captured.status >= 500 && !turnStarted)) {
      deps.logger.warn({ status: captured.status }, 'request refused: not authenticated');
      return { status: 401, body: { status: 'unauthorized' } };
    }
    // 501: an invoke nothing here answers (an unknown verb, a malformed value): the caller's mistake.
    if (captured.status === 501) return { status: 400, body: { status: 'bad request' } };
    if (captured.status >= 500) return { status: 500, body: { status: 'error' } };
    if (captured.status >= 400) return { status: captured.status, body: { status: 'bad request' } };
    return { status: captured.status, body: captured.body };
  };

  return {
    handleMessages,
    notifier: bot.notifier,
    services: bot.services,
  };
};
