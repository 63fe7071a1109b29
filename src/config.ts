import { z } from 'zod';

/**
 * Every setting the bot reads, validated once at start. Nothing else reads process.env.
 */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['true', '1', 'yes'].includes(v)));

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const tenantList = (text: string | undefined): string[] => (text ?? '').split(',').map((t) => t.trim()).filter(Boolean);

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z.string().trim().min(1).default('sqlite:./data/send-plan.db'),
    // PostgreSQL connections per instance: 4, 10 and 20 measured alike with two instances on 2 cores (npm run bench).
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    PLAN_ID: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'PLAN_ID uses lower-case letters, digits and hyphens')
      .default('shropshire-2026-27'),
    SEED_DEMO_PLAN: flag,
    ROSTER_FILE: z.string().trim().min(1).default('config/roster.demo.json'),
    ROSTER_SYNC: z.enum(['seed', 'replace']).default('seed'),
    EXPORT_GAPS: z.enum(['list', 'prompt']).default('list'),
    GRAPH_INSTALL_FOR_USERS: flag,
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
    TEAMS_APP_ID: z.string().uuid('TEAMS_APP_ID must be a GUID').optional(),
    RISK_MATRIX_FILE: optionalText,
    PUBLIC_BASE_URL: z.string().url('PUBLIC_BASE_URL must be a full address such as https://send-plan.example.org').optional(),
    SIGNOFF_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    FEEDBACK_ANSWER_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    DOWNLOAD_LINK_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    UPDATE_REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(90).default(14),
    UPDATE_DEADLINE_DAYS_AFTER: z.coerce.number().int().min(0).max(90).default(7),
    REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
    BOT_DOMAIN: optionalText,
    ALLOW_UNAUTHENTICATED: flag,
    ALLOWED_TENANT_IDS: optionalText,
    RATE_LIMIT_PER_PERSON: z.coerce.number().int().min(1).max(1_000_000).default(60),
    RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(300),
    AZURE_OPENAI_ENDPOINT: z.string().url('AZURE_OPENAI_ENDPOINT must be a full address such as https://my-resource.openai.azure.com').optional(),
    AZURE_OPENAI_API_KEY: optionalText,
    AZURE_OPENAI_DEPLOYMENT: optionalText,
    AZURE_OPENAI_API_VERSION: optionalText,
    OPENAI_API_KEY: optionalText,
    OPENAI_MODEL: optionalText,
    OPENAI_BASE_URL: z.string().url('OPENAI_BASE_URL must be a full address such as https://api.openai.com/v1').optional(),
    AI_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(600).default(30),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.MICROSOFT_APP_ID) !== Boolean(env.MICROSOFT_APP_PASSWORD) && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'Set both MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or neither' });
    }
    if (env.NODE_ENV === 'production' && !env.MICROSOFT_APP_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_ID'],
        message: 'In production the bot must authenticate Bot Framework requests: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD',
      });
    }
    for (const id of tenantList(env.ALLOWED_TENANT_IDS)) {
      if (!GUID.test(id)) ctx.addIssue({ code: 'custom', path: ['ALLOWED_TENANT_IDS'], message: `"${id}" is not a tenant id (a GUID); separate ids with commas` });
    }
    if (env.MICROSOFT_APP_TYPE === 'SingleTenant' && env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: 'A SingleTenant bot needs MICROSOFT_APP_TENANT_ID' });
    }
    const azure = [env.AZURE_OPENAI_ENDPOINT, env.AZURE_OPENAI_API_KEY, env.AZURE_OPENAI_DEPLOYMENT];
    if (env.GRAPH_INSTALL_FOR_USERS && !(env.MICROSOFT_APP_ID && env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_TENANT_ID && env.TEAMS_APP_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: ['GRAPH_INSTALL_FOR_USERS'],
        message: 'Installing the app for people through Microsoft Graph needs MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID and TEAMS_APP_ID',
      });
    }
    if (azure.some(Boolean) && !azure.every(Boolean)) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_OPENAI_ENDPOINT'], message: 'For drafting help with Azure OpenAI set AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and AZURE_OPENAI_DEPLOYMENT together, or none of them' });
    }
    if (Boolean(env.OPENAI_API_KEY) !== Boolean(env.OPENAI_MODEL)) {
      ctx.addIssue({ code: 'custom', path: ['OPENAI_API_KEY'], message: 'For drafting help with OpenAI set both OPENAI_API_KEY and OPENAI_MODEL, or neither' });
    }
    if (azure.every(Boolean) && env.OPENAI_API_KEY) {
      ctx.addIssue({ code: 'custom', path: ['OPENAI_API_KEY'], message: 'Drafting help uses one model: set the Azure OpenAI settings or the OpenAI ones, not both' });
    }
  });

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly port: number;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  readonly databaseUrl: string;
  /** PostgreSQL connections each instance keeps (SQLite has one). */
  readonly databasePoolSize: number;
  readonly planId: string;
  /** Load the demo plan into an empty database. On unless switched off; never in production, whatever SEED_DEMO_PLAN says. */
  readonly seedDemoPlan: boolean;
  /** Settings that were given but are not followed, each one line for the log at start. */
  readonly warnings: readonly string[];
  readonly rosterFile: string;
  /**
   * 'seed' (the default): the roster file adds the people it names who are not yet stored, and the
   * SRO manages people in Teams from then on. 'replace': the file is the roster, made again at
   * every start, and Teams cannot change it.
   */
  readonly rosterSync: 'seed' | 'replace';
  /** Where the exported plan says what is still missing: one list at the end, or nowhere (the template's prompts alone). */
  readonly exportGaps: 'list' | 'prompt';
  /** Install the app through Microsoft Graph for someone outside the partnership's team (docs/graph-install.md). */
  readonly graphInstall?: { readonly tenantId: string; readonly clientId: string; readonly clientSecret: string; readonly teamsAppId: string };
  /** Absent: requests are not authenticated (local Playground only; refused in production). */
  readonly microsoftApp?: { readonly id: string; readonly password?: string; readonly tenantId?: string; readonly type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI' };
  readonly teamsAppId?: string;
  readonly botDomain?: string;
  /** The partnership's own risk matrix colouring; Annex C and High/Medium/Low defaults without it. */
  readonly riskMatrixFile?: string;
  readonly reminders: { readonly daysBefore: number; readonly deadlineDaysAfter: number; readonly intervalSeconds: number };
  /** Where people's browsers reach this bot, for links such as the plan as sent for sign-off. */
  readonly publicBaseUrl: string;
  readonly signOffReminderDays: number;
  /** Feedback with no answer after this many days is flagged to the SRO. */
  readonly feedbackAnswerDays: number;
  /** How long a document download link works. */
  readonly downloadLinkDays: number;
  /** Unauthenticated requests were asked for explicitly (local use): the bot then listens on 127.0.0.1 only. */
  readonly allowUnauthenticated: boolean;
  /** Tenants whose activities are served; empty only for local unauthenticated use (any tenant). */
  readonly allowedTenantIds: readonly string[];
  /** Requests per minute, per person and per client address, before any work is done. */
  readonly rateLimits: { readonly perPersonPerMinute: number; readonly perIpPerMinute: number };
  /** The interface the server binds to: loopback only unless requests are authenticated. */
  readonly listenHost: string | undefined;
  /** The AI model for drafting help; absent: drafting help says it is not switched on. */
  readonly drafting?: DraftingModelConfig;
}

export type DraftingModelConfig =
  | { readonly kind: 'azure'; readonly endpoint: string; readonly apiKey: string; readonly deployment: string; readonly apiVersion: string; readonly timeoutMs: number }
  | { readonly kind: 'openai'; readonly apiKey: string; readonly model: string; readonly baseUrl?: string; readonly timeoutMs: number };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The names of every setting, for .env.example and its test. */
export const SETTING_NAMES = Object.keys(EnvSchema.innerType().shape);

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  // A blank line in an env file means "not set", not "set to nothing".
  const given = Object.fromEntries(SETTING_NAMES.map((name) => [name, env[name]?.trim() ? env[name] : undefined]));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    planId: e.PLAN_ID,
    // The demo plan is for local use: never in production (whatever the settings say), and not by
    // default for an authenticated bot.
    seedDemoPlan: e.NODE_ENV === 'production' ? false : (e.SEED_DEMO_PLAN ?? !e.MICROSOFT_APP_ID),
    warnings: e.NODE_ENV === 'production' && e.SEED_DEMO_PLAN ? ['SEED_DEMO_PLAN is ignored in production: the demo plan is never loaded there'] : [],
    rosterFile: e.ROSTER_FILE,
    rosterSync: e.ROSTER_SYNC,
    exportGaps: e.EXPORT_GAPS,
    graphInstall:
      e.GRAPH_INSTALL_FOR_USERS && e.MICROSOFT_APP_ID && e.MICROSOFT_APP_PASSWORD && e.MICROSOFT_APP_TENANT_ID && e.TEAMS_APP_ID
        ? { tenantId: e.MICROSOFT_APP_TENANT_ID, clientId: e.MICROSOFT_APP_ID, clientSecret: e.MICROSOFT_APP_PASSWORD, teamsAppId: e.TEAMS_APP_ID }
        : undefined,
    microsoftApp: e.MICROSOFT_APP_ID
      ? { id: e.MICROSOFT_APP_ID, password: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID, type: e.MICROSOFT_APP_TYPE }
      : undefined,
    teamsAppId: e.TEAMS_APP_ID,
    botDomain: e.BOT_DOMAIN,
    riskMatrixFile: e.RISK_MATRIX_FILE,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
    signOffReminderDays: e.SIGNOFF_REMINDER_DAYS,
    feedbackAnswerDays: e.FEEDBACK_ANSWER_DAYS,
    downloadLinkDays: e.DOWNLOAD_LINK_DAYS,
    reminders: { daysBefore: e.UPDATE_REMINDER_DAYS_BEFORE, deadlineDaysAfter: e.UPDATE_DEADLINE_DAYS_AFTER, intervalSeconds: e.REMINDER_INTERVAL_SECONDS },
    allowUnauthenticated: e.ALLOW_UNAUTHENTICATED ?? false,
    // Single-tenant by default: the listed tenants, else the app's own tenant.
    allowedTenantIds: tenantList(e.ALLOWED_TENANT_IDS).length ? tenantList(e.ALLOWED_TENANT_IDS).map((t) => t.toLowerCase()) : e.MICROSOFT_APP_TENANT_ID ? [e.MICROSOFT_APP_TENANT_ID.toLowerCase()] : [],
    rateLimits: { perPersonPerMinute: e.RATE_LIMIT_PER_PERSON, perIpPerMinute: e.RATE_LIMIT_PER_IP },
    listenHost: e.MICROSOFT_APP_ID ? undefined : '127.0.0.1',
    drafting:
      e.AZURE_OPENAI_ENDPOINT && e.AZURE_OPENAI_API_KEY && e.AZURE_OPENAI_DEPLOYMENT
        ? { kind: 'azure', endpoint: e.AZURE_OPENAI_ENDPOINT, apiKey: e.AZURE_OPENAI_API_KEY, deployment: e.AZURE_OPENAI_DEPLOYMENT, apiVersion: e.AZURE_OPENAI_API_VERSION ?? '2024-06-01', timeoutMs: e.AI_TIMEOUT_SECONDS * 1000 }
        : e.OPENAI_API_KEY && e.OPENAI_MODEL
          ? { kind: 'openai', apiKey: e.OPENAI_API_KEY, model: e.OPENAI_MODEL, baseUrl: e.OPENAI_BASE_URL, timeoutMs: e.AI_TIMEOUT_SECONDS * 1000 }
          : undefined,
  };
};

/**
 * Whether this configuration may serve /api/messages: fail closed. Without Microsoft app
 * credentials the bot answers anyone who can reach it, so that has to be asked for
 * (ALLOW_UNAUTHENTICATED=true, local use: loopback only); an authenticated bot serves only
 * the tenants it names. The command line and packaging read the same settings without this.
 */
export const servingProblems = (config: Config): string[] => {
  const problems: string[] = [];
  if (!config.microsoftApp && !config.allowUnauthenticated) {
    problems.push(
      'MICROSOFT_APP_ID: without Microsoft app credentials requests cannot be authenticated. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD, or ALLOW_UNAUTHENTICATED=true for local use only (the bot then listens on 127.0.0.1)',
    );
  }
  if (config.microsoftApp && config.allowedTenantIds.length === 0) {
    problems.push('ALLOWED_TENANT_IDS: an authenticated bot serves only named tenants. Set MICROSOFT_APP_TENANT_ID (your tenant) or ALLOWED_TENANT_IDS');
  }
  return problems;
};

export const assertCanServe = (config: Config): void => {
  const problems = servingProblems(config);
  if (problems.length) throw new ConfigError(problems);
};
