/**
 * The yardstick for npm run bench: a bare botbuilder bot on restify, no authentication, that
 * echoes a message's text and answers a card action with a one-line card. It is driven over HTTP
 * exactly as the real bot is, so the ratio between the two is the cost of the bot's own work.
 * Run by bench/http.bench.ts as a child process: `node dist/bench/echo-bot.js` with PORT set.
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, type InvokeResponse, type TurnContext } from 'botbuilder';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const data: unknown = (context.activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Echo: ${JSON.stringify(data)}`, wrap: true }] };
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/healthz', (_req, res, next) => {
  res.json(200, { status: 'ok' });
  next();
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
