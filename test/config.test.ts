import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, SETTING_NAMES } from '../src/config';
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
      planId: 'shropshire-2026-27',
      seedDemoPlan: true,
      rosterFile: 'config/roster.demo.json',
      microsoftApp: undefined,
      teamsAppId: undefined,
      botDomain: undefined,
      riskMatrixFile: undefined,
      reminders: { daysBefore: 14, deadlineDaysAfter: 7, intervalSeconds: 300 },
      publicBaseUrl: 'http://localhost:3978',
      signOffReminderDays: 3,
      feedbackAnswerDays: 14,
      downloadLinkDays: 7,
    });
  });

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['production without credentials', { NODE_ENV: 'production' }, /MICROSOFT_APP_ID: In production the bot must authenticate/],
    ['an app id without its password', { MICROSOFT_APP_ID: 'abc' }, /Set both MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD/],
    ['a port that is not a number', { PORT: 'eighty' }, /PORT/],
    ['a single-tenant bot without its tenant', { MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'b', MICROSOFT_APP_TYPE: 'SingleTenant' }, /MICROSOFT_APP_TENANT_ID/],
    ['a plan id with capitals', { PLAN_ID: 'Shropshire' }, /PLAN_ID/],
    ['a Teams app id that is not a GUID', { TEAMS_APP_ID: 'my-app' }, /TEAMS_APP_ID must be a GUID/],
  ])('refuses to start with %s', (_what, env, problem) => {
    expect(problemsOf(env).join('\n')).toMatch(problem);
  });

  it('starts in production with credentials and does not seed demo data there', () => {
    const config = loadConfig({ NODE_ENV: 'production', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret' });
    expect(config.microsoftApp).toEqual({ id: 'app', password: 'secret', tenantId: undefined, type: 'MultiTenant' });
    expect(config.seedDemoPlan).toBe(false);
  });

  it('.env.example lists every setting the bot reads, and its values start the bot', () => {
    const lines = readFileSync(fromRoot('.env.example'), 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l));
    const example = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(Object.keys(example).sort()).toEqual([...SETTING_NAMES].sort());
    expect(loadConfig(example).port).toBe(3978);
  });
});
