import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { assertCanServe, loadConfig, SETTING_NAMES } from '../src/config';
import { fromRoot } from '../src/paths';

/**
 * The Microsoft 365 Agents Toolkit project (m365agents*.yml, env/, infra/), checked offline: the
 * files parse, each action has the inputs the Toolkit's v1.x schema requires (and no others), every
 * path exists, every ${{VARIABLE}} has a value by the time it is used, and the Bicep gives the bot
 * every setting it needs.
 */

type Action = { uses: string; name?: string; with?: Record<string, unknown>; writeToEnvironmentFile?: Record<string, string> };
type Project = { version: string; environmentFolderPath?: string; provision?: Action[]; deploy?: Action[]; publish?: Action[] };

const read = (path: string) => readFileSync(fromRoot(path), 'utf8');
const project = (file: string): Project => parse(read(file)) as Project;
const variables = (text: string): string[] => [...text.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
const envFile = (path: string): Map<string, string> =>
  new Map(
    existsSync(fromRoot(path))
      ? read(path)
          .split('\n')
          .filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as [string, string])
      : [],
  );

/** The inputs of each action this project uses, as the Toolkit's yaml schema (v1.11) has them. */
const ACTIONS: Record<string, { required: string[]; allowed: string[]; writes?: string[] }> = {
  'teamsApp/create': { required: ['name'], allowed: ['name'], writes: ['teamsAppId'] },
  'aadApp/create': { required: ['name', 'generateClientSecret', 'signInAudience'], allowed: ['name', 'generateClientSecret', 'generateServicePrincipal', 'signInAudience', 'serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription', 'uniqueName'], writes: ['clientId', 'objectId', 'clientSecret', 'tenantId', 'authority', 'authorityHost'] },
  'botFramework/create': { required: ['botId', 'name', 'messagingEndpoint'], allowed: ['botId', 'name', 'messagingEndpoint', 'description', 'iconUrl', 'channels'] },
  'arm/deploy': { required: ['subscriptionId', 'resourceGroupName', 'templates'], allowed: ['subscriptionId', 'resourceGroupName', 'templates', 'bicepCliVersion'] },
  'teamsApp/validateManifest': { required: ['manifestPath'], allowed: ['manifestPath'] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'], allowed: ['manifestPath', 'outputZipPath', 'outputFolder', 'outputJsonPath'] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'], allowed: ['appPackagePath'] },
  'teamsApp/update': { required: ['appPackagePath'], allowed: ['appPackagePath'] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], allowed: ['appPackagePath'], writes: ['publishedAppId'] },
  'cli/runNpmCommand': { required: ['args'], allowed: ['args', 'workingDirectory'] },
  'azureAppService/zipDeploy': { required: ['artifactFolder', 'resourceId'], allowed: ['artifactFolder', 'resourceId', 'workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'] },
  'file/createOrUpdateEnvironmentFile': { required: ['target', 'envs'], allowed: ['target', 'envs'] },
};

/** Each project file, the env files of its environment, and what the Toolkit itself sets. */
const PROJECTS = [
  { file: 'm365agents.yml', env: 'dev' },
  { file: 'm365agents.local.yml', env: 'local' },
  { file: 'm365agents.playground.yml', env: 'playground' },
] as const;
const BUILT_IN = ['TEAMSFX_ENV'];
const MANIFEST = './teamsapp/manifest.json';

const bicep = read('infra/azure.bicep');
const botBicep = read('infra/botRegistration/azurebot.bicep');
const bicepOutputs = (text: string) => [...text.matchAll(/^output (\w+) \w+ =/gm)].map((m) => m[1]!);
/** Each `param`, with whether a @secure() decorator line stands above it and whether it has a default. */
const bicepParams = (text: string) => {
  const params: { name: string; secure: boolean; hasDefault: boolean }[] = [];
  let decorators: string[] = [];
  for (const line of text.split('\n')) {
    const param = /^param (\w+) \w+( = .*)?$/.exec(line);
    if (param) params.push({ name: param[1]!, secure: decorators.includes('@secure()'), hasDefault: Boolean(param[2]) });
    decorators = line.startsWith('@') ? [...decorators, line.trim()] : [];
  }
  return params;
};
const parameterFile = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };

describe('Agents Toolkit project', () => {
  it.each(PROJECTS)('$file parses, is schema v1.x, uses ./env, and gives each action the inputs the Toolkit requires', ({ file }) => {
    const p = project(file);
    expect(p.version).toMatch(/^v1\.\d+$/);
    expect(read(file)).toContain(`$schema=https://aka.ms/m365-agents-toolkits/${p.version}/yaml.schema.json`);
    expect(p.environmentFolderPath).toBe('./env');
    expect(Object.keys(p).filter((k) => !['version', 'environmentFolderPath', 'provision', 'deploy', 'publish'].includes(k))).toEqual([]);
    for (const action of [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])]) {
      const spec = ACTIONS[action.uses];
      expect([action.uses, spec ? 'known' : 'unknown']).toEqual([action.uses, 'known']);
      expect(Object.keys(action).filter((k) => !['uses', 'name', 'with', 'writeToEnvironmentFile', 'env'].includes(k))).toEqual([]);
      const given = Object.keys(action.with ?? {});
      expect({ uses: action.uses, missing: spec!.required.filter((k) => !given.includes(k)), unknown: given.filter((k) => !spec!.allowed.includes(k)) }).toEqual({ uses: action.uses, missing: [], unknown: [] });
      expect({ uses: action.uses, writes: Object.keys(action.writeToEnvironmentFile ?? {}).filter((k) => !(spec!.writes ?? []).includes(k)) }).toEqual({ uses: action.uses, writes: [] });
      if (action.uses === 'aadApp/create') {
        // A single-tenant bot: your organisation only, with a service principal and a secret kept as a secret.
        expect(action.with).toMatchObject({ signInAudience: 'AzureADMyOrg', generateServicePrincipal: true, generateClientSecret: true });
        expect(action.writeToEnvironmentFile).toMatchObject({ clientId: 'BOT_ID', clientSecret: expect.stringMatching(/^SECRET_/), tenantId: 'BOT_TENANT_ID' });
      }
      if (action.uses === 'teamsApp/create') expect(action.writeToEnvironmentFile).toEqual({ teamsAppId: 'TEAMS_APP_ID' });
      if (action.uses === 'arm/deploy' && action.with?.bicepCliVersion !== undefined) {
        // The Toolkit downloads exactly this release tag (github.com/Azure/bicep/releases/download/<tag>/…) and
        // checks `bicep --version` against it, so it must be a full vX.Y.Z; and a current one, not 2022's v0.9.1.
        const version = /^v0\.(\d+)\.(\d+)$/.exec(String(action.with.bicepCliVersion));
        expect([String(action.with.bicepCliVersion), version !== null && Number(version[1]) >= 47]).toEqual([String(action.with.bicepCliVersion), true]);
      }
    }
  });

  it.each(PROJECTS)('$file: every path it names exists, and the Teams app package is teamsapp/', ({ file }) => {
    const actions = [...(project(file).provision ?? []), ...(project(file).deploy ?? []), ...(project(file).publish ?? [])];
    for (const action of actions) {
      const w = (action.with ?? {}) as Record<string, string>;
      if (w.manifestPath) expect(w.manifestPath).toBe(MANIFEST);
      if (w.manifestPath) expect(existsSync(fromRoot(w.manifestPath))).toBe(true);
      for (const key of ['outputZipPath', 'appPackagePath']) if (w[key]) expect(w[key]).toMatch(/^\.\/teamsapp\/build\/[^/]+\.zip$/);
      if (w.outputFolder) expect(w.outputFolder).toBe('./teamsapp/build');
      if (action.uses === 'arm/deploy') {
        for (const t of w.templates as unknown as { path: string; parameters: string }[]) {
          expect(existsSync(fromRoot(t.path))).toBe(true);
          expect(existsSync(fromRoot(t.parameters))).toBe(true);
        }
      }
      if (action.uses === 'azureAppService/zipDeploy') {
        // What is uploaded is the folder npm run build makes to run on its own.
        expect(w.artifactFolder).toBe('./dist');
        expect(JSON.parse(read('package.json')).scripts.build).toMatch(/scripts\/build-dist\.ts/);
        expect(existsSync(fromRoot(w.ignoreFile!))).toBe(true);
      }
    }
    expect(read('teamsapp/manifest.json')).toBeTruthy();
    expect(existsSync(fromRoot('appPackage'))).toBe(false);
  });

  it.each(PROJECTS)('$file: every ${{VARIABLE}} it uses is declared in env/ or written by an earlier step', ({ file, env }) => {
    const committed = envFile(`env/.env.${env}`);
    const secrets = envFile(`env/.env.${env}.user.example`);
    expect(committed.size).toBeGreaterThan(0);
    expect(committed.get('TEAMSFX_ENV')).toBe(env);
    // No secret in a committed file: they belong in env/.env.<env>.user, which git ignores.
    expect([...committed.keys()].filter((k) => k.startsWith('SECRET_'))).toEqual([]);
    const p = project(file);
    const known = new Set([...committed.keys(), ...secrets.keys(), ...BUILT_IN]);
    const unknown: string[] = [];
    for (const action of [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])]) {
      let used = variables(JSON.stringify(action.with ?? {}));
      if (action.uses === 'teamsApp/zipAppPackage') used = [...used, ...variables(read('teamsapp/manifest.json'))];
      if (action.uses === 'arm/deploy') used = [...used, ...variables(read('infra/azure.parameters.json'))];
      unknown.push(...used.filter((v) => !known.has(v)).map((v) => `${action.uses}: ${v}`));
      for (const written of Object.values(action.writeToEnvironmentFile ?? {})) known.add(written);
      if (action.uses === 'arm/deploy') for (const output of bicepOutputs(bicep)) known.add(output);
    }
    expect(unknown).toEqual([]);
  });

  it('m365agents.yml: after provisioning, what deploy and the manifest read has a value: a Bicep output, a step’s output, or env/.env.dev', () => {
    const p = project('m365agents.yml');
    const dev = envFile('env/.env.dev');
    const outputs = bicepOutputs(bicep);
    const written = (p.provision ?? []).flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {}));
    const hasValue = (v: string) => outputs.includes(v) || written.includes(v) || Boolean(dev.get(v)) || BUILT_IN.includes(v);
    const needed = [...variables(JSON.stringify(p.deploy)), ...variables(read('teamsapp/manifest.json'))];
    expect(needed).toEqual(expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']));
    expect(needed.filter((v) => !hasValue(v))).toEqual([]);
    // Each output is one env/.env.dev names, so the Toolkit has somewhere to write it.
    expect(outputs.filter((o) => !dev.has(o))).toEqual([]);
    expect(outputs).toEqual(expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN']));
  });

  it('the secrets stay out of git: env/.env.*.user is ignored, the example of it is not', () => {
    const ignored = (path: string) => spawnSync('git', ['check-ignore', '-q', path], { cwd: fromRoot() }).status === 0;
    expect(ignored('env/.env.dev.user')).toBe(true);
    expect(ignored('env/.env.local.user')).toBe(true);
    expect(ignored('env/.env.dev.user.example')).toBe(false);
    expect(ignored('env/.env.dev')).toBe(false);
    expect(ignored('.localConfigs.playground')).toBe(true);
  });
});

describe('Azure infrastructure (infra/)', () => {
  it('azure.parameters.json gives azure.bicep exactly its parameters, every one without a default, and its secrets from SECRET_ variables', () => {
    const params = bicepParams(bicep);
    const given = Object.keys(parameterFile.parameters);
    expect(given.filter((g) => !params.some((p) => p.name === g))).toEqual([]);
    expect(params.filter((p) => !p.hasDefault && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
    const secure = params.filter((p) => p.secure).map((p) => p.name);
    expect(secure).toEqual(expect.arrayContaining(['botAadAppClientSecret', 'postgresAdminPassword', 'azureOpenAIApiKey']));
    for (const name of secure) expect(JSON.stringify(parameterFile.parameters[name]?.value)).toMatch(/^"\$\{\{SECRET_\w+\}\}"$/);
  });

  it('the bot registration module gets every parameter it has no default for', () => {
    const call = bicep.slice(bicep.indexOf("module azureBotRegistration './botRegistration/azurebot.bicep'"));
    const passed = [...call.slice(call.indexOf('params: {'), call.indexOf('}')).matchAll(/^\s+(\w+):/gm)].map((m) => m[1]);
    const params = bicepParams(botBicep);
    expect(params.filter((p) => !p.hasDefault && !passed.includes(p.name)).map((p) => p.name)).toEqual([]);
    expect(passed.filter((p) => !params.some((q) => q.name === p))).toEqual([]);
  });

  it('creates App Service on Linux with Node 22 LTS, started as node src/index.js, checked at /healthz', () => {
    expect(bicep).toMatch(/resource serverfarm 'Microsoft\.Web\/serverfarms@[\d-]+' = \{[\s\S]*?kind: 'linux'[\s\S]*?reserved: true/);
    expect(bicep).toMatch(/resource webApp 'Microsoft\.Web\/sites@[\d-]+' = \{[\s\S]*?kind: 'app,linux'/);
    // Node 20 reached end of life in April 2026; App Service then drops it.
    expect([...bicep.matchAll(/linuxFxVersion: '([^']*)'/g)].map((m) => m[1])).toEqual(['NODE|22-lts']);
    expect(bicep).toContain("appCommandLine: 'node src/index.js'");
    expect(bicep).toContain("healthCheckPath: '/healthz'");
    expect(bicep).toContain('httpsOnly: true');
  });

  it('creates PostgreSQL flexible server with a database, a rule letting Azure services in, and a @secure() admin password', () => {
    expect(bicep).toMatch(/resource postgres 'Microsoft\.DBforPostgreSQL\/flexibleServers@[\d-]+' = \{[\s\S]*?administratorLoginPassword: postgresAdminPassword/);
    expect(bicep).toMatch(/'Microsoft\.DBforPostgreSQL\/flexibleServers\/databases@[\d-]+' = \{\s*parent: postgres/);
    expect(bicep).toMatch(/'Microsoft\.DBforPostgreSQL\/flexibleServers\/firewallRules@[\d-]+' = \{\s*parent: postgres,?\s*name: '\w+'\s*properties: \{\s*startIpAddress: '0\.0\.0\.0'\s*endIpAddress: '0\.0\.0\.0'/);
    expect(bicepParams(bicep).find((p) => p.name === 'postgresAdminPassword')).toMatchObject({ secure: true, hasDefault: false });
  });

  it('registers a single-tenant Azure Bot with the Microsoft Teams channel, at the App Service', () => {
    expect(botBicep).toMatch(/'Microsoft\.BotService\/botServices@[\d-]+'/);
    expect(botBicep).toContain("msaAppType: 'SingleTenant'");
    expect(botBicep).toContain('msaAppTenantId: botAadAppTenantId');
    expect(botBicep).toContain("endpoint: 'https://${botAppDomain}/api/messages'");
    expect(botBicep).toMatch(/'Microsoft\.BotService\/botServices\/channels@[\d-]+' = \{[\s\S]*?name: 'MsTeamsChannel'/);
    expect(bicep).toContain('botAppDomain: webApp.properties.defaultHostName');
  });

  describe('the App Service settings', () => {
    const block = bicep.slice(bicep.indexOf("name: 'appsettings'"), bicep.indexOf('\n}\n', bicep.indexOf("name: 'appsettings'")));
    const settings = new Map([...block.matchAll(/^ {4}([A-Z_]+): (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
    // Read by the platform or by Node itself, not by src/config.ts.
    const PLATFORM = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND', 'NODE_OPTIONS'];

    it('are all settings the bot reads (no misspelt names), and include everything production needs', () => {
      expect([...settings.keys()].filter((k) => !SETTING_NAMES.includes(k) && !PLATFORM.includes(k))).toEqual([]);
      expect([...settings.keys()]).toEqual(
        expect.arrayContaining(['NODE_ENV', 'DATABASE_URL', 'PLAN_ID', 'ROSTER_FILE', 'MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TYPE', 'MICROSOFT_APP_TENANT_ID', 'TEAMS_APP_ID', 'BOT_DOMAIN', 'PUBLIC_BASE_URL']),
      );
      expect(settings.get('NODE_ENV')).toBe("'production'");
      expect(settings.get('MICROSOFT_APP_TYPE')).toBe("'SingleTenant'");
      expect(settings.get('MICROSOFT_APP_PASSWORD')).toBe('botAadAppClientSecret');
      expect(settings.get('DATABASE_URL')).toMatch(/^'postgres:\/\/\$\{uriComponent\(postgresAdminLogin\)\}:\$\{uriComponent\(postgresAdminPassword\)\}@\$\{postgres\.properties\.fullyQualifiedDomainName\}:5432\/\$\{postgresDatabase\.name\}\?sslmode=require'$/);
      // Installed on Linux by App Service, as the Dockerfile does.
      expect(settings.get('CUSTOM_BUILD_COMMAND')).toBe("'npm ci --omit=dev --no-audit --no-fund'");
    });

    it('start the bot in production, authenticated, single-tenant, on PostgreSQL and without the demo plan', () => {
      const example: Record<string, string> = {
        postgresAdminLogin: 'sendplanadmin',
        postgresAdminPassword: 'p@ss/word with:odd#chars',
        'postgres.properties.fullyQualifiedDomainName': 'sendplanshrop1-pg.postgres.database.azure.com',
        'postgresDatabase.name': 'sendplan',
        'webApp.properties.defaultHostName': 'sendplanshrop1.azurewebsites.net',
        botAadAppClientId: '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6',
        botAadAppClientSecret: 'secret',
        botAadAppTenantId: '0b6c2a51-3e8f-4d2a-9c7b-5f1e2d3c4b5a',
        teamsAppId: '2b9f0f3c-1d6e-4c55-9a0e-3f4c2d1b0a99',
        planId: 'shropshire-2026-27',
        rosterFile: '/home/data/roster.json',
        allowedTenantIds: '',
        azureOpenAIEndpoint: '',
        azureOpenAIApiKey: '',
        azureOpenAIDeployment: '',
      };
      // Bicep to a value: a 'string' with ${…} holes (uriComponent(x) encoded), or a bare parameter.
      const evaluate = (expression: string): string => {
        const value = (name: string) => {
          if (!(name in example)) throw new Error(`no example value for ${name}`);
          return example[name]!;
        };
        if (expression.startsWith("'")) {
          return expression.slice(1, -1).replace(/\$\{([^}]+)\}/g, (_, inner: string) => {
            const call = /^uriComponent\((.+)\)$/.exec(inner);
            return call ? encodeURIComponent(value(call[1]!)) : value(inner);
          });
        }
        return value(expression);
      };
      const env = Object.fromEntries([...settings].filter(([k]) => !PLATFORM.includes(k)).map(([k, v]) => [k, evaluate(v)]));
      const config = loadConfig(env);
      expect(() => assertCanServe(config)).not.toThrow();
      expect(config).toMatchObject({ env: 'production', seedDemoPlan: false, warnings: [], listenHost: undefined, allowedTenantIds: [example.botAadAppTenantId], publicBaseUrl: 'https://sendplanshrop1.azurewebsites.net' });
      expect(config.microsoftApp).toEqual({ id: example.botAadAppClientId, password: 'secret', tenantId: example.botAadAppTenantId, type: 'SingleTenant' });
      const url = new URL(config.databaseUrl);
      expect([url.protocol, url.hostname, url.port, url.pathname, url.searchParams.get('sslmode')]).toEqual(['postgres:', 'sendplanshrop1-pg.postgres.database.azure.com', '5432', '/sendplan', 'require']);
      expect(decodeURIComponent(url.password)).toBe(example.postgresAdminPassword);
    });
  });
});
