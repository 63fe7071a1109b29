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
