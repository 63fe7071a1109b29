import { readFileSync } from 'node:fs';
import { PRODUCTION_NODE_OPTIONS } from '../src/node-options';
import { fromRoot } from '../src/paths';

describe('how Node runs the bot in production', () => {
  it.each([
    ['the Dockerfile', 'Dockerfile', `ENV NODE_OPTIONS="${PRODUCTION_NODE_OPTIONS}"`],
    ['the App Service settings', 'infra/azure.bicep', `NODE_OPTIONS: '${PRODUCTION_NODE_OPTIONS}'`],
    ['npm start', 'package.json', `node ${PRODUCTION_NODE_OPTIONS} -e`],
  ])('%s uses the same heap cap as src/node-options.ts', (_where, file, expected) => {
    expect(readFileSync(fromRoot(file), 'utf8')).toContain(expected);
  });

  it('names only options Node accepts in NODE_OPTIONS', () => {
    expect(PRODUCTION_NODE_OPTIONS.split(' ').map((o) => o.split('=')[0])).toEqual(['--max-old-space-size', '--max-semi-space-size']);
  });
});

/**
 * Which Node: production (the Docker image and App Service) runs Node 22 LTS, Node 20 having reached
 * end of life in April 2026; development and CI may still run Node 20. package.json `engines` says both.
 */
describe('which Node runs the bot', () => {
  const dockerMajors = [...readFileSync(fromRoot('Dockerfile'), 'utf8').matchAll(/^FROM node:(\d+)-/gm)].map((m) => Number(m[1]));
  const appServiceMajors = [...readFileSync(fromRoot('infra/azure.bicep'), 'utf8').matchAll(/linuxFxVersion: 'NODE\|(\d+)-lts'/g)].map((m) => Number(m[1]));
  const engines = (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

  /** Whether `engines` accepts a version. Only caret ranges joined by `||` are understood: anything else fails here. */
  const accepts = (version: string): boolean => {
    const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number) as [number, number, number];
    return engines.split('||').some((range) => {
      const caret = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
      expect([range.trim(), caret !== null]).toEqual([range.trim(), true]);
      const [rMajor, rMinor, rPatch] = caret!.slice(1).map(Number) as [number, number, number];
      return major === rMajor && (minor > rMinor || (minor === rMinor && patch >= rPatch));
    });
  };

  it('deploys Node 22 LTS both in the Docker image (both stages) and on App Service', () => {
    expect(dockerMajors).toEqual([22, 22]);
    expect(appServiceMajors).toEqual([22]);
  });

  it('engines covers the Node running these tests (20 in development and CI) and the Node 22 that production runs', () => {
    expect([process.version, accepts(process.version)]).toEqual([process.version, true]);
    // From 20.19 and 22.13, the oldest the dev tools accept (typescript-eslint's eslint-visitor-keys: ^20.19.0 || ^22.13.0).
    for (const version of ['20.19.0', '20.20.2', '22.13.0', '22.20.0']) expect([version, accepts(version)]).toEqual([version, true]);
    for (const major of [...dockerMajors, ...appServiceMajors]) expect([major, accepts(`${major}.20.0`)]).toEqual([major, true]);
    // Not Node 20 before 20.19, the odd-numbered (never LTS) 21, or majors nothing here is run or tested on.
    for (const version of ['18.20.0', '20.18.0', '21.7.0', '23.0.0', '24.0.0']) expect([version, accepts(version)]).toEqual([version, false]);
  });
});
