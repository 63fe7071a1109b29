import AdmZip from 'adm-zip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppPackage } from '../scripts/package-app';
import { ConfigError, loadConfig } from '../src/config';
import { fromRoot } from '../src/paths';
import { COMMANDS } from '../src/teams/commands';

const manifest = JSON.parse(readFileSync(fromRoot('teamsapp', 'manifest.json'), 'utf8'));
const pngSize = (file: string) => {
  const png = readFileSync(fromRoot('teamsapp', file));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
};

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
    expect(COMMANDS.filter((c) => c.menus.length === 0).map((c) => c.name)).toEqual(['export', 'spend']);
    for (const list of bot.commandLists) expect(list.commands.length).toBeLessThanOrEqual(10);
  });

  it('has the icon sizes Teams requires', () => {
    expect(pngSize('color.png')).toEqual([192, 192]);
    expect(pngSize('outline.png')).toEqual([32, 32]);
  });

  it('builds the zip with this deployment’s ids filled in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teamsapp-'));
    try {
      const out = buildAppPackage(
        loadConfig({
          TEAMS_APP_ID: '2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99',
          MICROSOFT_APP_ID: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
          MICROSOFT_APP_PASSWORD: 'secret',
          MICROSOFT_APP_TENANT_ID: '0b6c2a51-3e8f-4d2a-9c7b-5f1e2d3c4b5a',
          BOT_DOMAIN: 'send-plan.example.org',
        }),
        join(dir, 'app.zip'),
      );
      const zip = new AdmZip(out);
      expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const packed = JSON.parse(zip.readAsText('manifest.json'));
      expect(packed.id).toBe('2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99');
      expect(packed.bots[0].botId).toBe('7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6');
      expect(packed.validDomains).toEqual(['send-plan.example.org']);
      expect(zip.readAsText('manifest.json')).not.toContain('${{');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which settings are missing instead of building a broken package', () => {
    let error: unknown;
    try {
      buildAppPackage(loadConfig({}), join(tmpdir(), 'never.zip'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toMatch(/TEAMS_APP_ID[\s\S]*MICROSOFT_APP_ID[\s\S]*BOT_DOMAIN/);
  });
});
