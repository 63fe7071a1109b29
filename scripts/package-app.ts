import AdmZip from 'adm-zip';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../src/config';
import { fromRoot } from '../src/paths';

/**
 * Builds the zip a Teams admin uploads: manifest.json with this deployment's ids filled in,
 * and the two icons. Ids come from the environment (see .env.example).
 */
export const buildAppPackage = (config: Config, out = fromRoot('teamsapp', 'build', 'send-plan-assistant.zip')): string => {
  const values: Record<string, string | undefined> = {
    TEAMS_APP_ID: config.teamsAppId,
    BOT_ID: config.microsoftApp?.id,
    BOT_DOMAIN: config.botDomain,
  };
  const missing = Object.entries(values)
    .filter(([, v]) => !v)
    .map(([k]) => (k === 'BOT_ID' ? 'MICROSOFT_APP_ID' : k));
  if (missing.length) throw new ConfigError(missing.map((name) => `${name}: needed to build the Teams app package`));
  const manifest = readFileSync(fromRoot('teamsapp', 'manifest.json'), 'utf8').replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new ConfigError([`${name}: the manifest uses it but it is not set`]);
    return value;
  });
  JSON.parse(manifest);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(manifest, 'utf8'));
  zip.addFile('color.png', readFileSync(fromRoot('teamsapp', 'color.png')));
  zip.addFile('outline.png', readFileSync(fromRoot('teamsapp', 'outline.png')));
  mkdirSync(dirname(out), { recursive: true });
  zip.writeZip(out);
  return out;
};

if (require.main === module) {
  try {
    const out = buildAppPackage(loadConfig());
    process.stdout.write(`Wrote ${out}: upload it in Teams (Apps > Manage your apps > Upload an app).\n`);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
