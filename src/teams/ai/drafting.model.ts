import { GPTTokenizer, OpenAIModel, PromptManager, type Memory } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { DraftingModel, PromptName } from '../../app/drafting.port';
import type { DraftingModelConfig } from '../../config';
import { DomainError } from '../../domain/errors';
import { fromRoot } from '../../paths';

type PromptResponse<T> = Awaited<ReturnType<OpenAIModel['completePrompt']>> & { message?: { content?: T } };
type Fetch = typeof fetch;

export interface DraftingModelOptions {
  /** The prompt folders (<name>/skprompt.txt and config.json); the repository's prompts/ by default. */
  readonly promptsFolder?: string;
  /** How requests reach the model; the platform's fetch by default (tests route to a local server). */
  readonly fetch?: Fetch;
}

/** What came back over the wire, kept because teams-ai reduces every failure to a sentence. */
interface Observed {
  status?: number;
  body?: string;
  error?: unknown;
}

/** Prompt variables live in teams-ai's "temp" scope: {{$plan}} reads temp.plan. */
const memoryOf = (variables: Readonly<Record<string, string>>): Memory => {
  const values = new Map(Object.entries(variables).map(([k, v]) => [`temp.${k}`, v as unknown]));
  const key = (path: string) => (path.includes('.') ? path : `temp.${path}`);
  return {
    getValue: <T>(path: string) => values.get(key(path)) as T,
    setValue: (path, value) => void values.set(key(path), value),
    hasValue: (path) => values.has(key(path)),
    deleteValue: (path) => void values.delete(key(path)),
  };
};

const json = (text: string | undefined): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** Azure says a filtered prompt with 400 and code content_filter, a filtered answer with finish_reason content_filter. */
const filtered = (observed: Observed): boolean => {
  const body = json(observed.body);
  const error = body?.error as { code?: unknown; innererror?: { code?: unknown } } | undefined;
  if (error?.code === 'content_filter' || error?.innererror?.code === 'ResponsibleAIPolicyViolation') return true;
  const choices = body?.choices;
  return Array.isArray(choices) && choices.some((c: { finish_reason?: unknown }) => c?.finish_reason === 'content_filter');
};

/** By name, not instanceof: the abort comes from the platform's fetch, whose Error may be another realm's. */
const isTimeout = (error: unknown): boolean => {
  const e = error as { name?: unknown; message?: unknown } | null;
  return Boolean(e) && (e!.name === 'AbortError' || e!.name === 'TimeoutError' || e!.name === 'APIConnectionTimeoutError' || /timed? ?out/i.test(String(e!.message)));
};

/** Every way a completion can end, as the codes the rest of the bot words for people. */
export const outcome = (response: PromptResponse<string> | null, observed: Observed): { text: string } => {
  if (observed.error && isTimeout(observed.error)) throw new DomainError('AI.TIMEOUT', 'The AI model did not answer in time.');
  if (observed.status === 429 || response?.status === 'rate_limited') throw new DomainError('AI.RATE_LIMITED', 'The AI model is rate limiting requests.');
  if (filtered(observed)) throw new DomainError('AI.CONTENT_FILTERED', 'The AI model filtered the content.');
  const text = typeof response?.message?.content === 'string' ? response.message.content.trim() : '';
  if (response?.status !== 'success' || !text) {
    throw new DomainError('AI.FAILED', `The AI model gave no suggestion (${response?.status ?? 'no response'}${observed.status ? `, HTTP ${observed.status}` : ''}).`, { status: observed.status });
  }
  return { text };
};

/**
 * Drafting help through Teams AI: our prompt folders rendered by its PromptManager and completed
 * by its OpenAIModel (Azure OpenAI or OpenAI). The only code that talks to a language model.
 */
export class TeamsAiDraftingModel implements DraftingModel {
  private readonly prompts: PromptManager;
  private readonly tokenizer = new GPTTokenizer();

  constructor(
    private readonly config: DraftingModelConfig,
    private readonly options: DraftingModelOptions = {},
  ) {
    this.prompts = new PromptManager({ promptsFolder: options.promptsFolder ?? fromRoot('prompts'), max_input_tokens: 7000 });
  }

  async complete(promptName: PromptName, variables: Readonly<Record<string, string>>): Promise<{ text: string }> {
    const observed: Observed = {};
    const transport: Fetch = this.options.fetch ?? ((url, init) => fetch(url, init));
    const observing: Fetch = async (url, init) => {
      try {
        const response = await transport(url, init);
        observed.status = response.status;
        observed.body = await response.clone().text();
        return response;
      } catch (error) {
        observed.error = error;
        throw error;
      }
    };
    let response: PromptResponse<string> | null = null;
    try {
      const template = await this.prompts.getPrompt(promptName);
      // One model per call, so what it saw over the wire belongs to this request alone.
      response = await this.model(observing).completePrompt({} as TurnContext, memoryOf(variables), this.prompts, this.tokenizer, template);
    } catch (error) {
      observed.error ??= error;
      if (!isTimeout(error)) throw new DomainError('AI.FAILED', 'The AI model could not be asked.', { cause: String(error) });
    }
    return outcome(response, observed);
  }

  private model(fetchImpl: Fetch): OpenAIModel {
    // No retries: a person is waiting, and says "try again" better than a silent minute.
    const common = { useSystemMessages: true, maxRetries: 0, clientOptions: { timeout: this.config.timeoutMs, maxRetries: 0, fetch: fetchImpl as never } };
    return this.config.kind === 'azure'
      ? new OpenAIModel({ ...common, azureApiKey: this.config.apiKey, azureDefaultDeployment: this.config.deployment, azureEndpoint: this.config.endpoint, azureApiVersion: this.config.apiVersion })
      : new OpenAIModel({ ...common, apiKey: this.config.apiKey, defaultModel: this.config.model, endpoint: this.config.baseUrl });
  }
}
