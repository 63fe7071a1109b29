import { readFileSync } from 'node:fs';
import { assertCanServe, ConfigError, loadConfig, servingProblems, SETTING_NAMES } from '../src/config';

const TENANT = '0b6c2a51-3e8f-4d2a-9c7b-5f1e2d3c4b5a';
import { fromRoot } from '../src/paths';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('configuration', () => {
  it('runs with no settings at all: SQLite, port 3978, the demo plan and roster', () => {
    expect(loadConfig({})).toEqual({
      env: 'development',
      port: 3978,
      logLevel: 'info',
      databaseUrl: 'sqlite:./data/send-plan.db',
      databasePoolSize: 10,
      planId: 'shropshire-2026-27',
      seedDemoPlan: true,
      warnings: [],
      rosterFile: 'config/roster.demo.json',
      rosterSync: 'seed',
      exportGaps: 'list',
      graphInstall: undefined,
      microsoftApp: undefined,
      teamsAppId: undefined,
      botDomain: undefined,
      riskMatrixFile: undefined,
      reminders: { daysBefore: 14, deadlineDaysAfter: 7, intervalSeconds: 300 },
      publicBaseUrl: 'http://localhost:3978',
      signOffReminderDays: 3,
      feedbackAnswerDays: 14,
      downloadLinkDays: 7,
      allowUnauthenticated: false,
      allowedTenantIds: [],
      rateLimits: { perPersonPerMinute: 60, perIpPerMinute: 300 },
      listenHost: '127.0.0.1',
    });
  });

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['production without credentials', { NODE_ENV: 'production' }, /MICROSOFT_APP_ID: In production the bot must authenticate/],
    ['an app id without its password', { MICROSOFT_APP_ID: 'abc' }, /Set both MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD/],
    ['a port that is not a number', { PORT: 'eighty' }, /PORT/],
    ['a single-tenant bot without its tenant', { MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'b', MICROSOFT_APP_TYPE: 'SingleTenant' }, /MICROSOFT_APP_TENANT_ID/],
    ['a plan id with capitals', { PLAN_ID: 'Shropshire' }, /PLAN_ID/],
    ['a pool of no connections', { DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE/],
    ['a Teams app id that is not a GUID', { TEAMS_APP_ID: 'my-app' }, /TEAMS_APP_ID must be a GUID/],
  ])('refuses to start with %s', (_what, env, problem) => {
    expect(problemsOf(env).join('\n')).toMatch(problem);
  });

  it('starts in production with credentials and does not seed demo data there', () => {
    const config = loadConfig({ NODE_ENV: 'production', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: TENANT });
    expect(config.microsoftApp).toEqual({ id: 'app', password: 'secret', tenantId: TENANT, type: 'SingleTenant' });
    expect(config.seedDemoPlan).toBe(false);
    expect(servingProblems(config)).toEqual([]);
  });

  it('never loads the demo plan in production, whatever SEED_DEMO_PLAN says, and warns that it is ignored', () => {
    const production = { NODE_ENV: 'production', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: TENANT };
    const asked = loadConfig({ ...production, SEED_DEMO_PLAN: 'true' });
    expect(asked.seedDemoPlan).toBe(false);
    expect(asked.warnings).toEqual(['SEED_DEMO_PLAN is ignored in production: the demo plan is never loaded there']);
    expect(loadConfig({ ...production, SEED_DEMO_PLAN: 'false' })).toMatchObject({ seedDemoPlan: false, warnings: [] });
    expect(loadConfig(production)).toMatchObject({ seedDemoPlan: false, warnings: [] });
    // Outside production it is still a choice.
    expect(loadConfig({ SEED_DEMO_PLAN: 'false' }).seedDemoPlan).toBe(false);
    expect(loadConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: TENANT, SEED_DEMO_PLAN: 'true' })).toMatchObject({ seedDemoPlan: true, warnings: [] });
  });

  describe('security review (issue 10)', () => {
    it('#9 refuses to serve without credentials unless ALLOW_UNAUTHENTICATED=true, and then only on 127.0.0.1', () => {
      expect(servingProblems(loadConfig({})).join('\n')).toMatch(/MICROSOFT_APP_ID: without Microsoft app credentials[\s\S]*ALLOW_UNAUTHENTICATED=true/);
      expect(() => assertCanServe(loadConfig({}))).toThrow(ConfigError);
      const local = loadConfig({ ALLOW_UNAUTHENTICATED: 'true' });
      expect(servingProblems(local)).toEqual([]);
      expect(local.listenHost).toBe('127.0.0.1');
      const authenticated = loadConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: TENANT, ALLOW_UNAUTHENTICATED: 'true' });
      expect(authenticated.listenHost).toBeUndefined();
      // An authenticated bot outside production does not load the demo plan unless asked.
      expect(authenticated.seedDemoPlan).toBe(false);
    });

    it('#8 is single-tenant by default: the allow-list is the app tenant unless ALLOWED_TENANT_IDS names others', () => {
      expect(loadConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: TENANT }).allowedTenantIds).toEqual([TENANT]);
      const other = '11111111-2222-4333-8444-555555555555';
      expect(loadConfig({ MICROSOFT_APP_TENANT_ID: TENANT, ALLOWED_TENANT_IDS: ` ${other.toUpperCase()} , ${TENANT}` }).allowedTenantIds).toEqual([other, TENANT]);
      expect(loadConfig({ ALLOW_UNAUTHENTICATED: 'true' }).allowedTenantIds).toEqual([]);
      expect(problemsOf({ ALLOWED_TENANT_IDS: 'contoso.onmicrosoft.com' }).join('\n')).toMatch(/ALLOWED_TENANT_IDS: "contoso.onmicrosoft.com" is not a tenant id/);
      // An authenticated bot with no tenant at all (a multi-tenant app) refuses to serve.
      const open = loadConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'MultiTenant' });
      expect(servingProblems(open).join('\n')).toMatch(/ALLOWED_TENANT_IDS: an authenticated bot serves only named tenants/);
    });

    it('#12 rate limits are settings with defaults, validated', () => {
      expect(loadConfig({ RATE_LIMIT_PER_PERSON: '5', RATE_LIMIT_PER_IP: '10' }).rateLimits).toEqual({ perPersonPerMinute: 5, perIpPerMinute: 10 });
      expect(problemsOf({ RATE_LIMIT_PER_PERSON: '0' }).join('\n')).toMatch(/RATE_LIMIT_PER_PERSON/);
    });
  });

  it('.env.example lists every setting the bot reads, and its values start the bot', () => {
    const lines = readFileSync(fromRoot('.env.example'), 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l));
    const example = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(Object.keys(example).sort()).toEqual([...SETTING_NAMES].sort());
    expect(loadConfig(example).port).toBe(3978);
  });

  it("the README's settings table names every setting the bot reads, and no other", () => {
    const readme = readFileSync(fromRoot('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Settings\n'), readme.indexOf('\n## ', readme.indexOf('\n## Settings\n') + 1));
    const rows = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect([...rows].sort()).toEqual([...SETTING_NAMES].sort());
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('drafting help has no model unless one is configured, and a half-configured model is refused', () => {
    expect(loadConfig({}).drafting).toBeUndefined();
    expect(loadConfig({ OPENAI_API_KEY: 'k', OPENAI_MODEL: 'gpt-4o-mini', AI_TIMEOUT_SECONDS: '12' }).drafting).toEqual({ kind: 'openai', apiKey: 'k', model: 'gpt-4o-mini', baseUrl: undefined, timeoutMs: 12_000 });
    expect(loadConfig({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT: 'gpt4o' }).drafting).toEqual({
      kind: 'azure',
      endpoint: 'https://x.openai.azure.com',
      apiKey: 'k',
      deployment: 'gpt4o',
      apiVersion: '2024-06-01',
      timeoutMs: 30_000,
    });
    expect(problemsOf({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' })).toEqual([expect.stringMatching(/^AZURE_OPENAI_ENDPOINT: .*together/)]);
    expect(problemsOf({ OPENAI_API_KEY: 'k' })).toEqual([expect.stringMatching(/^OPENAI_API_KEY: .*both/)]);
  });
});

describe('people and the partnership’s team (issue 18)', () => {
  const CREDS = { MICROSOFT_APP_ID: '6f1c1e35-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: '0b6c2a51-3e8f-4d2a-9c7b-5f1e2d3c4b5a', TEAMS_APP_ID: '7a1c1e35-0000-4000-8000-000000000002' };
  it.each([
    ['seed by default', {}, 'seed'],
    ['replace when asked', { ROSTER_SYNC: 'replace' }, 'replace'],
  ])('ROSTER_SYNC: %s', (_what, env, sync) => {
    expect(loadConfig(env).rosterSync).toBe(sync);
  });

  it('refuses a ROSTER_SYNC it does not know', () => {
    expect(() => loadConfig({ ROSTER_SYNC: 'merge' })).toThrow(/ROSTER_SYNC/);
  });

  it('installs through Graph only with the app credentials, tenant and Teams app id', () => {
    expect(() => loadConfig({ GRAPH_INSTALL_FOR_USERS: 'true' })).toThrow(/GRAPH_INSTALL_FOR_USERS: Installing the app for people through Microsoft Graph needs/);
    expect(loadConfig({ ...CREDS, GRAPH_INSTALL_FOR_USERS: 'true' }).graphInstall).toEqual({ tenantId: CREDS.MICROSOFT_APP_TENANT_ID, clientId: CREDS.MICROSOFT_APP_ID, clientSecret: 'secret', teamsAppId: CREDS.TEAMS_APP_ID });
    expect(loadConfig(CREDS).graphInstall).toBeUndefined();
  });
});
