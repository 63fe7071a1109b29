/**
 * npm run package: builds the zip a Teams admin uploads: teamsapp/manifest.json with this
 * deployment's ids filled in, checked against the Teams manifest schema, and the two icons.
 *
 * It reads three settings and no secret: TEAMS_APP_ID (the Teams app's GUID), MICROSOFT_APP_ID
 * (the bot's GUID; BOT_ID, as the Agents Toolkit's env/ files call it, is read too) and BOT_DOMAIN
 * (the host name the bot is reached at). They come from the environment or ./.env.
 *
 *   npm run package                     writes teamsapp/build/send-plan-assistant.zip
 *   npm run package -- --out app.zip    writes it elsewhere
 */
import AdmZip from 'adm-zip';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadEnvFile } from '../src/env-file';
import { fromRoot } from '../src/paths';

export const DEFAULT_OUT = fromRoot('teamsapp', 'build', 'send-plan-assistant.zip');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const EXAMPLE_GUID = '2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99';

/** A reason the package cannot be built, one line each. */
export class PackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'PackageError';
  }
}

const blankIsUnset = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

const guid = (name: string, what: string) => (value: string | undefined, ctx: z.RefinementCtx) => {
  if (value === undefined) ctx.addIssue({ code: 'custom', message: `${name} is not set: it is ${what}, a GUID such as ${EXAMPLE_GUID}.` });
  else if (!GUID.test(value)) ctx.addIssue({ code: 'custom', message: `${name} must be ${what}, a GUID such as ${EXAMPLE_GUID}, not "${value}".` });
};

/** The one reason, if any, that this is not a bare host name such as send-plan.example.org. */
export const hostNameProblem = (value: string): string | undefined => {
  const shown = `"${value}"`;
  if (/\s/.test(value)) return `BOT_DOMAIN must be a host name such as send-plan.example.org, with no spaces: ${shown}.`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return `BOT_DOMAIN must be a host name such as send-plan.example.org, without ${value.slice(0, value.indexOf('://') + 3)}: ${shown}.`;
  if (/[/?#]/.test(value)) return `BOT_DOMAIN must be a host name such as send-plan.example.org, with no path after it: ${shown}.`;
  if (value.length > 253 || !value.split('.').every((label) => HOST_LABEL.test(label))) {
    return `BOT_DOMAIN must be a host name such as send-plan.example.org (letters, digits, hyphens and dots), not ${shown}.`;
  }
  return undefined;
};

const PackageEnv = z
  .object({ TEAMS_APP_ID: blankIsUnset, MICROSOFT_APP_ID: blankIsUnset, BOT_ID: blankIsUnset, BOT_DOMAIN: blankIsUnset })
  .superRefine((env, ctx) => {
    guid('TEAMS_APP_ID', "the Teams app's id")(env.TEAMS_APP_ID, ctx);
    if (env.MICROSOFT_APP_ID && env.BOT_ID && env.MICROSOFT_APP_ID.toLowerCase() !== env.BOT_ID.toLowerCase()) {
      ctx.addIssue({ code: 'custom', message: 'MICROSOFT_APP_ID and BOT_ID name different bots: set one of them, the Azure Bot’s app id.' });
    } else {
      guid(env.MICROSOFT_APP_ID || !env.BOT_ID ? 'MICROSOFT_APP_ID' : 'BOT_ID', "the Azure Bot's app id")(env.MICROSOFT_APP_ID ?? env.BOT_ID, ctx);
    }
    if (env.BOT_DOMAIN === undefined) ctx.addIssue({ code: 'custom', message: 'BOT_DOMAIN is not set: it is the host name the bot is reached at, such as send-plan.example.org.' });
    else {
      const problem = hostNameProblem(env.BOT_DOMAIN);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
  })
  .transform((env) => ({ teamsAppId: env.TEAMS_APP_ID!.toLowerCase(), botId: (env.MICROSOFT_APP_ID ?? env.BOT_ID)!.toLowerCase(), botDomain: env.BOT_DOMAIN!.toLowerCase() }));

export type PackageSettings = z.output<typeof PackageEnv>;

/** The three values the package needs, or a PackageError with one line per problem. Nothing else is read. */
export const readPackageSettings = (env: NodeJS.ProcessEnv = process.env): PackageSettings => {
  const parsed = PackageEnv.safeParse({ TEAMS_APP_ID: env.TEAMS_APP_ID, MICROSOFT_APP_ID: env.MICROSOFT_APP_ID, BOT_ID: env.BOT_ID, BOT_DOMAIN: env.BOT_DOMAIN });
  if (!parsed.success) throw new PackageError(parsed.error.issues.map((i) => i.message));
  return parsed.data;
};

/** teamsapp/manifest.json with the Toolkit-style placeholders (${{TEAMS_APP_ID}}, ${{BOT_ID}}, ${{BOT_DOMAIN}}) filled in. */
export const fillManifest = (settings: PackageSettings, template = readFileSync(fromRoot('teamsapp', 'manifest.json'), 'utf8')): AppManifest => {
  const values: Record<string, string> = { TEAMS_APP_ID: settings.teamsAppId, BOT_ID: settings.botId, BOT_DOMAIN: settings.botDomain };
  const unknown = new Set<string>();
  const text = template.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? (unknown.add(name), ''));
  if (unknown.size) throw new PackageError([`teamsapp/manifest.json uses ${[...unknown].join(', ')}, which npm run package does not fill in.`]);
  return JSON.parse(text) as AppManifest;
};

/**
 * The Teams manifest JSON schema for this manifest's version, from @microsoft/app-manifest's own
 * copy: validation never goes to the network.
 */
export const manifestSchemaFile = (manifestVersion: string): string =>
  join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');

/** Problems with the filled manifest against its schema (none: an empty list). */
export const manifestProblems = async (manifest: AppManifest): Promise<string[]> => {
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  const file = typeof version === 'string' ? manifestSchemaFile(version) : undefined;
  if (!file || !existsSync(file)) return [`manifestVersion ${JSON.stringify(version)} is not a Teams manifest version @microsoft/app-manifest has a schema for.`];
  // As @microsoft/app-manifest reads its own copies: the schemas' \a and \v escapes are not JSON.
  const schema = JSON.parse(readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'));
  return AppManifestUtils.validateAgainstSchema(manifest, schema);
};

/** Width and height of a PNG. */
export const pngSize = (png: Buffer): [number, number] | undefined =>
  png.length > 24 && png.subarray(1, 4).toString('latin1') === 'PNG' ? [png.readUInt32BE(16), png.readUInt32BE(20)] : undefined;

const ICONS = { 'color.png': 192, 'outline.png': 32 } as const;

/** Fills in the manifest, checks it and the icons, and writes the zip. Returns where it wrote it. */
export const buildAppPackage = async (settings: PackageSettings, out: string = DEFAULT_OUT): Promise<string> => {
  const manifest = fillManifest(settings);
  const problems = (await manifestProblems(manifest)).map((p) => `teamsapp/manifest.json: ${p}`);
  const icons = Object.entries(ICONS).map(([file, side]) => {
    const png = readFileSync(fromRoot('teamsapp', file));
    const size = pngSize(png);
    if (!size || size[0] !== side || size[1] !== side) problems.push(`teamsapp/${file} must be a ${side}×${side} PNG${size ? `, not ${size[0]}×${size[1]}` : ''}.`);
    return [file, png] as const;
  });
  if (problems.length) throw new PackageError(problems);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const [file, png] of icons) zip.addFile(file, png);
  mkdirSync(dirname(out), { recursive: true });
  zip.writeZip(out);
  return out;
};

if (require.main === module) {
  (async () => {
    loadEnvFile();
    const { values } = parseArgs({ options: { out: { type: 'string' } } });
    const out = await buildAppPackage(readPackageSettings(), values.out ? resolve(values.out) : DEFAULT_OUT);
    process.stdout.write(`Wrote ${out}: upload it in Teams (Apps > Manage your apps > Upload an app).\n`);
  })().catch((error: unknown) => {
    const lines = error instanceof PackageError ? error.problems : [(error as Error).message];
    process.stderr.write(`${lines.join('\n')}\n`);
    process.exitCode = error instanceof PackageError ? 2 : 1;
  });
}
