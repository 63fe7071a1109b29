import { z } from 'zod';
import type { AppInstaller, InstallOutcome } from '../../app/app-installer.port';

export interface GraphAppInstallerOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The manifest id, i.e. the app's externalId in the organisation's catalogue. */
  readonly teamsAppId: string;
  /** Default https://graph.microsoft.com/v1.0 */
  readonly graphBaseUrl?: string;
  /** Default https://login.microsoftonline.com */
  readonly loginBaseUrl?: string;
  readonly fetch?: typeof fetch;
  /** Per request, body included. Default 10 s. */
  readonly timeoutMs?: number;
}

/** An error as the caller's retry logic reads it (see isTransient in notifier.ts). */
export type GraphInstallError = Error & {
  code: string;
  statusCode?: number;
  response?: { headers: Record<string, string> };
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A token is dropped this long before Entra says it expires, so none goes stale in flight.
const TOKEN_MARGIN_MS = 5 * 60_000;

const TokenReply = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
const CatalogueReply = z.object({
  value: z.array(z.object({ id: z.string().min(1), distributionMethod: z.string().nullish() })),
});
const InstalledReply = z.object({
  value: z.array(z.object({ id: z.string().min(1), teamsApp: z.object({ id: z.string() }).nullish() })),
});
const ChatReply = z.object({ id: z.string().min(1) });
// Graph answers { error: { code, message } }; the token endpoint { error, error_description }.
const ErrorReply = z.object({
  error: z.union([z.string(), z.object({ code: z.string().nullish(), message: z.string().nullish() })]),
  error_description: z.string().nullish(),
});

/**
 * Graph has no dedicated code for "this person belongs to another organisation", so the wording
 * decides: a 4xx whose code or message speaks of a guest, an external user, or another, different
 * or home tenant. A miss still falls back to the status (403 or 404), itself a refusal, so a
 * misreading costs only the reason given, never a retry loop.
 */
const OTHER_TENANT = /\bguests?\b|external user|(?:another|different|other|home|foreign) (?:tenant|organi[sz]ation)|cross[- ]tenant|not (?:a member|part) of (?:the|this) (?:tenant|organi[sz]ation)/i;

type Refusal = Extract<InstallOutcome, { kind: 'refused' }>;
const refused = (reason: Refusal['reason']): Refusal => ({ kind: 'refused', reason });

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly retryAfter: string | null;
}

const failure = (code: string, detail: string, statusCode?: number): GraphInstallError =>
  Object.assign(new Error(`${code}: ${detail}`), { name: 'GraphInstallError', code, ...(statusCode === undefined ? {} : { statusCode }) });

const json = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

/** Quotes a value as an OData string literal, then for the query string. */
const odataEq = (field: string, value: string): string => encodeURIComponent(`${field} eq '${value.replace(/'/g, "''")}'`);

export class GraphAppInstaller implements AppInstaller {
  private readonly graph: string;
  private readonly login: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private token: { readonly value: string; readonly until: number } | null = null;
  private tokenInFlight: Promise<string> | null = null;
  // Only a found id is kept: an app published after start-up is then picked up on the next call.
  private catalogId: string | null = null;

  constructor(private readonly options: GraphAppInstallerOptions) {
    this.graph = (options.graphBaseUrl ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, '');
    this.login = (options.loginBaseUrl ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async installFor(aadObjectId: string): Promise<InstallOutcome> {
    // The id goes into a URL path; anything but a GUID cannot name an Entra user anyway.
    if (!GUID.test(aadObjectId)) return refused('not-found');
    const catalogId = await this.findCatalogId();
    if (typeof catalogId !== 'string') return catalogId;

    const apps = `${this.graph}/users/${aadObjectId}/teamwork/installedApps`;
    const bind = { 'teamsApp@odata.bind': `${this.graph}/appCatalogs/teamsApps/${encodeURIComponent(catalogId)}` };
    const installed = await this.graphCall('install', 'POST', apps, bind);
    // 409: installed before, by us or by the person; either way the chat exists.
    if (installed.status !== 409) {
      const outcome = this.refusalOf(installed, 'install');
      if (outcome) return outcome;
    }

    const listed = await this.graphCall('list', 'GET', `${apps}?$expand=teamsApp&$filter=${odataEq('teamsApp/id', catalogId)}`);
    const listRefusal = this.refusalOf(listed, 'list');
    if (listRefusal) return listRefusal;
    const installation = this.parse(InstalledReply, listed, 'list').value.find((a) => !a.teamsApp || a.teamsApp.id === catalogId);
    // Graph lists nothing to an app holding only the "Self" permission unless the manifest's
    // webApplicationInfo.id is this app registration: a set-up fault that no retry will mend.
    if (!installation) return refused('not-permitted');

    const chat = await this.graphCall('chat', 'GET', `${apps}/${encodeURIComponent(installation.id)}/chat`);
    const chatRefusal = this.refusalOf(chat, 'chat');
    if (chatRefusal) return chatRefusal;
    return { kind: 'installed', conversationId: this.parse(ChatReply, chat, 'chat').id };
  }

  private async findCatalogId(): Promise<string | Refusal> {
    if (this.catalogId) return this.catalogId;
    const answer = await this.graphCall('catalogue', 'GET', `${this.graph}/appCatalogs/teamsApps?$filter=${odataEq('externalId', this.options.teamsAppId)}`);
    // Whatever stops us reading the catalogue, the organisation has not let the app in.
    if (this.refusalOf(answer, 'catalogue')) return refused('not-permitted');
    const apps = this.parse(CatalogueReply, answer, 'catalogue').value;
    const app = apps.find((a) => a.distributionMethod === 'organization') ?? apps[0];
    if (!app) return refused('not-permitted');
    this.catalogId = app.id;
    return app.id;
  }

  /** Undefined for a 2xx; a refusal for a 403, 404 or another-organisation answer; throws otherwise. */
  private refusalOf(answer: Answer, step: string): Refusal | undefined {
    if (answer.status >= 200 && answer.status < 300) return undefined;
    const { code, message } = this.errorText(answer.text);
    const transient = answer.status === 429 || answer.status >= 500;
    if (!transient && answer.status >= 400 && OTHER_TENANT.test(`${code} ${message}`)) return refused('wrong-tenant');
    if (answer.status === 403) return refused('not-permitted');
    if (answer.status === 404) return refused('not-found');
    const error = failure(`GRAPH.HTTP_${answer.status}`, `Graph ${step} failed${code ? ` (${code})` : ''}${message ? `: ${message}` : ''}`, answer.status);
    if (answer.status === 429) error.response = { headers: answer.retryAfter === null ? {} : { 'retry-after': answer.retryAfter } };
    throw error;
  }

  private parse<T>(schema: z.ZodType<T>, answer: Answer, step: string): T {
    const parsed = schema.safeParse(json(answer.text));
    // Graph answering 2xx with something else is a fault on its side (or a proxy's): 502, worth a retry.
    if (!parsed.success) throw failure('GRAPH.BAD_RESPONSE', `Graph ${step} answered ${answer.status} with an unexpected body`, 502);
    return parsed.data;
  }

  /** Graph's own code and message, shortened, with anything secret taken out. */
  private errorText(text: string): { code: string; message: string } {
    const parsed = ErrorReply.safeParse(json(text));
    if (!parsed.success) return { code: '', message: '' };
    const { error, error_description: description } = parsed.data;
    const code = typeof error === 'string' ? error : (error.code ?? '');
    const message = typeof error === 'string' ? (description ?? '') : (error.message ?? '');
    return { code: this.scrub(code).slice(0, 80), message: this.scrub(message).slice(0, 300) };
  }

  private scrub(text: string): string {
    let clean = text.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]');
    for (const secret of [this.options.clientSecret, this.token?.value]) {
      if (secret) clean = clean.split(secret).join('[redacted]');
    }
    return clean;
  }

  /** One Graph request; a 401 (a token revoked or expired early) is retried once with a new token. */
  private async graphCall(step: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const answer = await this.send(step, url, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (answer.status !== 401) return answer;
      this.token = null;
      if (attempt > 0) throw failure('GRAPH.AUTH', `Graph refused the bot's token at ${step}`, 401);
    }
  }

  private async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.until) return this.token.value;
    // Concurrent installs share one token request rather than each asking Entra.
    this.tokenInFlight ??= this.requestToken().finally(() => {
      this.tokenInFlight = null;
    });
    return this.tokenInFlight;
  }

  private async requestToken(): Promise<string> {
    const { tenantId, clientId, clientSecret } = this.options;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'https://graph.microsoft.com/.default' });
    const answer = await this.send('token', `${this.login}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
    // 400 and 401 from Entra mean a wrong tenant, app id or secret: configuration, not a passing fault.
    if (answer.status === 400 || answer.status === 401) {
      const { code, message } = this.errorText(answer.text);
      const aadsts = /AADSTS\d+/.exec(message)?.[0];
      const why = [code, aadsts].filter(Boolean).join(' ');
      throw failure('GRAPH.AUTH', `Entra refused the bot's credentials${why ? ` (${why})` : ''}; check MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID`, answer.status);
    }
    if (this.refusalOf(answer, 'token')) throw failure(`GRAPH.HTTP_${answer.status}`, 'Entra refused the token request', answer.status);
    const token = this.parse(TokenReply, answer, 'token');
    this.token = { value: token.access_token, until: Date.now() + Math.max(0, token.expires_in * 1000 - TOKEN_MARGIN_MS) };
    return token.access_token;
  }

  /** The request and its body under one timeout; a network failure carries no statusCode. */
  private async send(step: string, url: string, init: RequestInit): Promise<Answer> {
    try {
      const res = await this.fetchImpl(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(this.timeoutMs) });
      return { status: res.status, text: await res.text(), retryAfter: res.headers.get('retry-after') };
    } catch (error) {
      // Duck-typed: the DOMException fetch throws comes from another realm under test runners.
      const name = (error as { name?: unknown } | null)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') throw failure('GRAPH.TIMEOUT', `no answer to ${step} within ${this.timeoutMs} ms`);
      throw failure('GRAPH.UNREACHABLE', `${step} request failed (${new URL(url).host})`);
    }
  }
}
