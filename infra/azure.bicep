// The Local SEND Reform Plan assistant on Azure, deployed by `atk provision --env dev` (the arm/deploy
// step of m365agents.yml, with infra/azure.parameters.json):
//   - App Service (Linux, Node 22 LTS) running the bot from dist/ with every setting it needs;
//   - an Azure Bot registration, single-tenant, with the Microsoft Teams channel;
//   - Azure Database for PostgreSQL flexible server with the bot's database.
// The outputs are written back to env/.env.<environment> by the Toolkit.

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('The bot\'s Microsoft Entra app (client) id, made by aadApp/create')
param botAadAppClientId string

@secure()
@description('That app\'s client secret: the bot authenticates with it')
param botAadAppClientSecret string

@description('The Entra ID tenant the bot serves (single-tenant)')
param botAadAppTenantId string = tenant().tenantId

@maxLength(42)
param botDisplayName string

@description('The Teams app id, made by teamsApp/create')
param teamsAppId string

@description('App Service plan size: B1 or larger (Always On needs a paid plan)')
param webAppSKU string = 'B1'

@description('Which plan the bot keeps (lower-case letters, digits, hyphens)')
param planId string

@description('The roster file on the App Service: upload your own there (see docs/roster.md)')
param rosterFile string = '/home/data/roster.json'

@description('More tenants to serve, comma-separated GUIDs; empty: only the bot\'s own tenant')
param allowedTenantIds string = ''

@description('PostgreSQL administrator login')
param postgresAdminLogin string

@secure()
@minLength(12)
@description('PostgreSQL administrator password (SECRET_POSTGRES_ADMIN_PASSWORD in env/.env.dev.user)')
param postgresAdminPassword string

param postgresDatabaseName string = 'sendplan'
param postgresSkuName string = 'Standard_B1ms'
param postgresSkuTier string = 'Burstable'
param postgresVersion string = '16'
param postgresStorageSizeGB int = 32

@description('Optional drafting help: Azure OpenAI endpoint, key and deployment together, or all empty')
param azureOpenAIEndpoint string = ''
@secure()
param azureOpenAIApiKey string = ''
param azureOpenAIDeployment string = ''

param serverfarmsName string = resourceBaseName
param webAppName string = resourceBaseName
param postgresServerName string = '${resourceBaseName}-pg'
param location string = resourceGroup().location

// Azure Database for PostgreSQL flexible server, reached over TLS with a password.
resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: postgresVersion
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: postgresStorageSizeGB
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: postgresDatabaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0 to 0.0.0.0 is Azure's rule for "allow Azure services": the App Service can connect,
// the internet cannot.
resource postgresAllowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// Compute resources for the bot: a Linux plan.
resource serverfarm 'Microsoft.Web/serverfarms@2022-09-01' = {
  kind: 'linux'
  location: location
  name: serverfarmsName
  sku: {
    name: webAppSKU
  }
  properties: {
    reserved: true
  }
}

// The Web App that hosts the bot: Node 22 LTS on Linux, started as `node src/index.js` from dist/.
resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  kind: 'app,linux'
  location: location
  name: webAppName
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node src/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

// Every setting the bot reads (see README: Settings). Set apart from the site, so they can use its
// host name. App Service sets PORT itself.
resource webAppSettings 'Microsoft.Web/sites/config@2022-09-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    // The heap cap of src/node-options.ts: the bot stays under 200 MB.
    NODE_OPTIONS: '--max-old-space-size=192 --max-semi-space-size=8'
    LOG_LEVEL: 'info'
    // The bot's own database on the PostgreSQL server, over TLS.
    DATABASE_URL: 'postgres://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${postgresDatabase.name}?sslmode=require'
    PLAN_ID: planId
    // Production never loads the demo plan in any case; said here too.
    SEED_DEMO_PLAN: 'false'
    ROSTER_FILE: rosterFile
    MICROSOFT_APP_ID: botAadAppClientId
    MICROSOFT_APP_PASSWORD: botAadAppClientSecret
    MICROSOFT_APP_TYPE: 'SingleTenant'
    MICROSOFT_APP_TENANT_ID: botAadAppTenantId
    ALLOWED_TENANT_IDS: allowedTenantIds
    TEAMS_APP_ID: teamsAppId
    BOT_DOMAIN: webApp.properties.defaultHostName
    PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
    AZURE_OPENAI_ENDPOINT: azureOpenAIEndpoint
    AZURE_OPENAI_API_KEY: azureOpenAIApiKey
    AZURE_OPENAI_DEPLOYMENT: azureOpenAIDeployment
    // Only dist/ is uploaded: App Service installs the production packages on Linux (better-sqlite3
    // and resvg are native), exactly as the Dockerfile does, and runs nothing else.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    CUSTOM_BUILD_COMMAND: 'npm ci --omit=dev --no-audit --no-fund'
  }
}

// Register the web service as a bot with the Bot Framework, and connect it to Teams.
module azureBotRegistration './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    resourceBaseName: resourceBaseName
    botAadAppClientId: botAadAppClientId
    botAadAppTenantId: botAadAppTenantId
    botAppDomain: webApp.properties.defaultHostName
    botDisplayName: botDisplayName
  }
}

// Written to env/.env.<environment> by the Toolkit (https://aka.ms/teamsfx-actions/arm-deploy).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output POSTGRES_SERVER_FQDN string = postgres.properties.fullyQualifiedDomainName
output POSTGRES_DATABASE_NAME string = postgresDatabase.name
