import AdmZip from 'adm-zip';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppPackage, fillManifest, manifestProblems, manifestSchemaFile, PackageError, readPackageSettings } from '../scripts/package-app';
import { fromRoot } from '../src/paths';
import { COMMANDS } from '../src/teams/commands';
import { decodeRgbaPng } from './support/png';

const manifest = JSON.parse(readFileSync(fromRoot('teamsapp', 'manifest.json'), 'utf8'));
const pngSize = (file: string) => {
  const png = readFileSync(fromRoot('teamsapp', file));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};

const SETTINGS = { teamsAppId: '2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99', botId: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6', botDomain: 'send-plan.example.org' };
const GOOD: NodeJS.ProcessEnv = { TEAMS_APP_ID: SETTINGS.teamsAppId, MICROSOFT_APP_ID: SETTINGS.botId, BOT_DOMAIN: SETTINGS.botDomain };

describe('Teams app package', () => {
  it("its command menus list exactly the commands the bot answers, in the bot's own words", () => {
    const bot = manifest.bots[0];
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const menu = (scope: string) => bot.commandLists.find((l: { scopes: string[] }) => l.scopes.includes(scope))?.commands;
    const expected = (m: 'personal' | 'team') => COMMANDS.filter((c) => (c.menus as readonly string[]).includes(m)).map((c) => ({ title: c.name, description: c.description }));
    expect(menu('personal')).toEqual(expected('personal'));
    expect(menu('team')).toEqual(expected('team'));
    expect(menu('groupChat')).toEqual(expected('team'));
    // Every command with a menu is in it, no menu is over the ten Teams allows, and the
    // commands typed only (the menus are full) are the ones the help card offers instead.
    const listed = new Set(bot.commandLists.flatMap((l: { commands: { title: string }[] }) => l.commands.map((c) => c.title)));
    expect([...listed].sort()).toEqual(COMMANDS.filter((c) => c.menus.length > 0).map((c) => c.name).sort());
    expect(COMMANDS.filter((c) => c.menus.length === 0).map((c) => c.name)).toEqual(['sign-off status', 'export', 'spend', 'dependencies', 'people']);
    for (const list of bot.commandLists) expect(list.commands.length).toBeLessThanOrEqual(10);
  });

  it('has the icons Teams requires: a 192×192 colour icon, and a 32×32 outline in white on transparent', () => {
    expect(pngSize('color.png')).toEqual([192, 192]);
    expect(pngSize('outline.png')).toEqual([32, 32]);
    const colour = decodeRgbaPng(readFileSync(fromRoot('teamsapp', 'color.png')));
    expect(colour.pixels.filter((_, i) => i % 4 === 3 && _ !== 255)).toHaveLength(0);
    const outline = decodeRgbaPng(readFileSync(fromRoot('teamsapp', 'outline.png')));
    const kinds = new Set<string>();
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      kinds.add(a === 0 ? 'transparent' : r === 255 && g === 255 && b === 255 ? 'white' : `other ${r},${g},${b},${a}`);
    }
    expect([...kinds].sort()).toEqual(['transparent', 'white']);
  });

  it('is a Teams manifest of schema 1.22 or later, with the Agents Toolkit placeholders and no others', () => {
    expect(manifest.manifestVersion).toMatch(/^1\.(2[2-9]|[3-9]\d)$/);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    const text = readFileSync(fromRoot('teamsapp', 'manifest.json'), 'utf8');
    expect([...new Set([...text.matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort()).toEqual(['BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}');
    expect(manifest.bots[0].botId).toBe('${{BOT_ID}}');
    expect(manifest.validDomains).toEqual(['${{BOT_DOMAIN}}']);
  });

  describe('schema validation, offline', () => {
    const realFetch = globalThis.fetch;
    let fetched: string[];
    beforeEach(() => {
      fetched = [];
      globalThis.fetch = (async (url: string | URL | Request) => {
        fetched.push(String(url));
        throw new Error('no network in this test');
      }) as typeof fetch;
    });
    afterEach(() => {
      globalThis.fetch = realFetch;
    });

    it("filled in, the manifest passes the Teams schema for its version, read from @microsoft/app-manifest's own copy", async () => {
      expect(existsSync(manifestSchemaFile(manifest.manifestVersion))).toBe(true);
      expect(manifestSchemaFile(manifest.manifestVersion)).toContain(join('node_modules', '@microsoft', 'app-manifest'));
      expect(await manifestProblems(fillManifest(SETTINGS))).toEqual([]);
      expect(fetched).toEqual([]);
    });

    it('catches what Teams would refuse', async () => {
      const filled = fillManifest(SETTINGS) as unknown as Record<string, unknown> & { bots: { botId: string }[]; developer: Record<string, unknown> };
      const broken = { ...filled, bots: [{ ...filled.bots[0], botId: 'not-a-guid' }], developer: { ...filled.developer, websiteUrl: 'no scheme' }, extra: true };
      const problems = await manifestProblems(broken as never);
      expect(problems.join('\n')).toMatch(/\/bots\/0\/botId/);
      expect(problems.join('\n')).toMatch(/additional properties/);
      expect(await manifestProblems({ ...filled, manifestVersion: '9.99' } as never)).toEqual([expect.stringMatching(/manifestVersion "9.99" is not a Teams manifest version/)]);
      expect(fetched).toEqual([]);
    });
  });

  it('builds the zip with this deployment’s ids filled in, and reads no secret to do it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teamsapp-'));
    try {
      // Only the three values: no MICROSOFT_APP_PASSWORD, no tenant, nothing else of the bot's settings.
      const out = await buildAppPackage(readPackageSettings({ TEAMS_APP_ID: SETTINGS.teamsAppId, MICROSOFT_APP_ID: SETTINGS.botId, BOT_DOMAIN: SETTINGS.botDomain }), join(dir, 'app.zip'));
      const zip = new AdmZip(out);
      expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const packed = JSON.parse(zip.readAsText('manifest.json'));
      expect(packed.id).toBe(SETTINGS.teamsAppId);
      expect(packed.bots[0].botId).toBe(SETTINGS.botId);
      expect(packed.validDomains).toEqual([SETTINGS.botDomain]);
      expect(packed.developer.privacyUrl).toBe(`https://${SETTINGS.botDomain}/privacy`);
      expect(zip.readAsText('manifest.json')).not.toContain('${{');
      expect(zip.getEntry('color.png')!.getData()).toEqual(readFileSync(fromRoot('teamsapp', 'color.png')));
      expect(zip.getEntry('outline.png')!.getData()).toEqual(readFileSync(fromRoot('teamsapp', 'outline.png')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['no Teams app id', { ...GOOD, TEAMS_APP_ID: undefined }, 'TEAMS_APP_ID is not set: it is the Teams app\'s id, a GUID such as 2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99.'],
    ['a Teams app id that is not a GUID', { ...GOOD, TEAMS_APP_ID: 'my-app' }, 'TEAMS_APP_ID must be the Teams app\'s id, a GUID such as 2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99, not "my-app".'],
    ['no bot id', { ...GOOD, MICROSOFT_APP_ID: '' }, 'MICROSOFT_APP_ID is not set: it is the Azure Bot\'s app id, a GUID such as 2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99.'],
    ['a bot id that is not a GUID', { ...GOOD, MICROSOFT_APP_ID: 'bot' }, 'MICROSOFT_APP_ID must be the Azure Bot\'s app id, a GUID such as 2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99, not "bot".'],
    ['the Toolkit\'s BOT_ID that is not a GUID', { ...GOOD, MICROSOFT_APP_ID: undefined, BOT_ID: '1234' }, 'BOT_ID must be the Azure Bot\'s app id, a GUID such as 2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99, not "1234".'],
    ['two different bot ids', { ...GOOD, BOT_ID: '11111111-2222-4333-8444-555555555555' }, 'MICROSOFT_APP_ID and BOT_ID name different bots: set one of them, the Azure Bot’s app id.'],
    ['no domain', { ...GOOD, BOT_DOMAIN: ' ' }, 'BOT_DOMAIN is not set: it is the host name the bot is reached at, such as send-plan.example.org.'],
    ['a domain with a scheme', { ...GOOD, BOT_DOMAIN: 'https://x' }, 'BOT_DOMAIN must be a host name such as send-plan.example.org, without https://: "https://x".'],
    ['a domain with a path', { ...GOOD, BOT_DOMAIN: 'x/y' }, 'BOT_DOMAIN must be a host name such as send-plan.example.org, with no path after it: "x/y".'],
    ['a domain with spaces', { ...GOOD, BOT_DOMAIN: 'send plan.example.org' }, 'BOT_DOMAIN must be a host name such as send-plan.example.org, with no spaces: "send plan.example.org".'],
    ['a domain with an underscore', { ...GOOD, BOT_DOMAIN: 'send_plan.example.org' }, 'BOT_DOMAIN must be a host name such as send-plan.example.org (letters, digits, hyphens and dots), not "send_plan.example.org".'],
  ])('refuses to build with %s, in one line that names the setting', (_what, env, message) => {
    let error: unknown;
    try {
      readPackageSettings(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).problems[0]).toBe(message);
    for (const problem of (error as PackageError).problems) expect(problem).not.toContain('\n');
  });

  it('with nothing set, says all three in the order they are needed', () => {
    expect(() => readPackageSettings({ MICROSOFT_APP_PASSWORD: 'not needed, not read' })).toThrow(
      new PackageError([
        "TEAMS_APP_ID is not set: it is the Teams app's id, a GUID such as 2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99.",
        "MICROSOFT_APP_ID is not set: it is the Azure Bot's app id, a GUID such as 2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99.",
        'BOT_DOMAIN is not set: it is the host name the bot is reached at, such as send-plan.example.org.',
      ]),
    );
  });

  it('accepts the Toolkit’s BOT_ID in place of MICROSOFT_APP_ID, and a host name in capitals', () => {
    expect(readPackageSettings({ TEAMS_APP_ID: SETTINGS.teamsAppId, BOT_ID: SETTINGS.botId.toUpperCase(), BOT_DOMAIN: 'Send-Plan.Example.ORG' })).toEqual(SETTINGS);
    expect(readPackageSettings({ ...GOOD, BOT_ID: SETTINGS.botId })).toEqual(SETTINGS);
  });

  describe('npm run package, as a command', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'package-app-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const { MICROSOFT_APP_ID: _a, MICROSOFT_APP_PASSWORD: _b, TEAMS_APP_ID: _c, BOT_ID: _d, BOT_DOMAIN: _e, ...base } = process.env;
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(fromRoot('node_modules', '.bin', 'tsx'), [fromRoot('scripts', 'package-app.ts'), '--out', join(dir, 'app.zip')], { cwd: dir, env: { ...base, ...env }, encoding: 'utf8' });

    it('writes the zip from settings in ./.env, with no password anywhere', () => {
      writeFileSync(join(dir, '.env'), `TEAMS_APP_ID=${SETTINGS.teamsAppId}\nBOT_ID=${SETTINGS.botId}\nBOT_DOMAIN=${SETTINGS.botDomain}\n`);
      const result = run({});
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`Wrote ${join(dir, 'app.zip')}: upload it in Teams (Apps > Manage your apps > Upload an app).\n`);
      expect(JSON.parse(new AdmZip(join(dir, 'app.zip')).readAsText('manifest.json')).bots[0].botId).toBe(SETTINGS.botId);
    }, 30_000);

    it('refuses a bad domain with one line per problem and writes nothing', () => {
      const result = run({ ...GOOD, TEAMS_APP_ID: 'nope', BOT_DOMAIN: 'https://send-plan.example.org/api' });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        'TEAMS_APP_ID must be the Teams app\'s id, a GUID such as 2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99, not "nope".',
        'BOT_DOMAIN must be a host name such as send-plan.example.org, without https://: "https://send-plan.example.org/api".',
      ]);
      expect(existsSync(join(dir, 'app.zip'))).toBe(false);
    }, 30_000);
  });
});
