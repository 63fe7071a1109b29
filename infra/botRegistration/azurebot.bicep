// The Azure Bot registration: where Bot Framework sends the bot's messages, which Entra app it
// authenticates as (single-tenant), and the Microsoft Teams channel. Used by ../azure.bicep.

@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('The bot\'s Microsoft Entra app (client) id')
param botAadAppClientId string

@description('The tenant of that app: a single-tenant bot answers only it')
param botAadAppTenantId string

@description('The host name the bot is reached at, e.g. its App Service')
param botAppDomain string

@maxLength(42)
param botDisplayName string

param botServiceName string = resourceBaseName
param botServiceSku string = 'F0'

resource botService 'Microsoft.BotService/botServices@2021-03-01' = {
  kind: 'azurebot'
  location: 'global'
  name: botServiceName
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botAadAppTenantId
  }
  sku: {
    name: botServiceSku
  }
}

// Connect the bot service to Microsoft Teams.
resource botServiceMsTeamsChannel 'Microsoft.BotService/botServices/channels@2021-03-01' = {
  parent: botService
  location: 'global'
  name: 'MsTeamsChannel'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

output BOT_SERVICE_NAME string = botService.name
