import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Request, Response } from 'botbuilder';
import type { Config } from '../config';
import { createBot, type BotDependencies } from './bot.app';

/**
 * The Bot Framework endpoint. With Microsoft app credentials, every request's token is checked
 * as Bot Framework does; without them (local Playground only) requests are accepted unsigned.
 */
export const createTeamsRuntime = (config: Config, deps: BotDependencies) => {
  const app = config.microsoftApp;
  const adapter = new TeamsAdapter(
    app
      ? {
          MicrosoftAppId: app.id,
          MicrosoftAppPassword: app.password,
          MicrosoftAppTenantId: app.tenantId,
          MicrosoftAppType: app.type,
        }
      : {},
  );
  const bot = createBot(
    {
      ...deps,
      proactive: (reference, activity) =>
        adapter.continueConversationAsync(app?.id ?? '', reference, async (context) => {
          await context.sendActivity(activity);
        }),
    },
    adapter,
  );
  adapter.onTurnError = async (context, error) => {
    deps.logger.error({ err: error }, 'adapter turn error');
    await context.sendActivity('Sorry, something went wrong on our side and your last request was not completed. Please try again.');
  };
  return {
    handleMessages: (req: Request, res: Response) => adapter.process(req, res, async (context) => void (await bot.app.run(context))),
    notifier: bot.notifier,
    services: bot.services,
  };
};
