import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../../src/paths';

/** In a process of its own: jest loads modules itself, and src/teams/lazy-sign-in.ts then does nothing. */
const run = (script: string): Record<string, unknown> => {
  const dir = mkdtempSync(join(tmpdir(), 'lazy-sign-in-'));
  try {
    const file = join(dir, 'check.ts');
    writeFileSync(file, script);
    const out = execFileSync(process.execPath, [fromRoot('node_modules', 'tsx', 'dist', 'cli.mjs'), file], { cwd: fromRoot(), encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe("teams-ai's sign-in support", () => {
  it('is loaded without botbuilder-dialogs, which its modules still get, whole, when they use more than its Dialog', () => {
    const outcome = run(`
      const Module = require('node:module');
      const fromProject = Module.createRequire(${JSON.stringify(fromRoot('package.json'))});
      fromProject('./src/teams/bot.app.ts');
      const whole = () => Object.keys(require.cache).some((k) => /botbuilder-dialogs[\\\\/]lib[\\\\/]index\\.js$/.test(k));
      const loadedWithTheBot = whole();
      const { TeamsSsoPrompt } = fromProject('@microsoft/teams-ai/lib/authentication/TeamsBotSsoPrompt');
      const { Dialog } = fromProject('botbuilder-dialogs/lib/dialog');
      // What a sign-in module is given when it asks for botbuilder-dialogs.
      const signIn = fromProject.resolve('@microsoft/teams-ai/lib/authentication/OAuthBotAuthentication');
      const given = Module._load('botbuilder-dialogs', { filename: signIn, paths: Module._nodeModulePaths(signIn) }, false);
      const dialogSet = typeof given.DialogSet;
      console.log(JSON.stringify({ loadedWithTheBot, extendsDialog: TeamsSsoPrompt.prototype instanceof Dialog, dialogSet, loadedWhenUsed: whole(), sameDialog: given.Dialog === fromProject('botbuilder-dialogs').Dialog }));
    `);
    expect(outcome).toEqual({ loadedWithTheBot: false, extendsDialog: true, dialogSet: 'function', loadedWhenUsed: true, sameDialog: true });
  });
});
