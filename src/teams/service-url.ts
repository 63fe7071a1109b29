/**
 * Where Teams' connector answers: the only places an authenticated bot sends its Bot Framework
 * token. botbuilder attaches the token to whatever service URL a conversation names, so a stored
 * reference or team that named another host would hand the token over.
 */
const TEAMS_CONNECTOR_HOSTS = new Set(['smba.trafficmanager.net', 'smba.infra.gcc.teams.microsoft.com', 'smba.infra.gov.teams.microsoft.us', 'smba.infra.dod.teams.microsoft.us']);

export const isTeamsServiceUrl = (url: unknown): boolean => {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && TEAMS_CONNECTOR_HOSTS.has(parsed.hostname.toLowerCase()) && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
};

/** Refused before any request: a conversation whose service URL is not Teams' own. */
export const refuseServiceUrl = (url: unknown): never => {
  throw Object.assign(new Error(`Not a Teams service URL: ${String(url).slice(0, 100)}`), { statusCode: 403 });
};
