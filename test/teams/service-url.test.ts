import { isTeamsServiceUrl } from '../../src/teams/service-url';

describe('where an authenticated bot may send its token', () => {
  it.each([
    ['https://smba.trafficmanager.net/uk/', true],
    ['https://smba.trafficmanager.net/teams/', true],
    ['https://SMBA.trafficmanager.net/emea/', true],
    ['https://smba.infra.gcc.teams.microsoft.com/', true],
    ['http://smba.trafficmanager.net/uk/', false],
    ['https://smba.trafficmanager.net.attacker.example/', false],
    ['https://attacker.example/?smba.trafficmanager.net', false],
    ['https://user:pass@smba.trafficmanager.net/uk/', false],
    ['http://localhost:56150/_connector', false],
    ['not a url', false],
    [undefined, false],
  ])('%s: %s', (url, allowed) => {
    expect(isTeamsServiceUrl(url)).toBe(allowed);
  });
});
