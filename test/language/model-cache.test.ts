import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNlpUnderstanding } from '../../src/language/nlp.understanding';

const MESSAGES = ['has the DCS signed yet', 'ta very much', 'ask Jordan to fill in Q9 by next friday', 'which risks are red', 'flibble wobble'];

describe('the language model kept between processes', () => {
  it('a kept model reads every message exactly as the one just trained; a damaged file is trained over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'language-cache-'));
    const trained = await createNlpUnderstanding({ cacheDir: dir });
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^language-model-[0-9a-f]{32}\.json$/);
    const loaded = await createNlpUnderstanding({ cacheDir: dir });
    for (const m of MESSAGES) expect(await loaded.understand(m)).toEqual(await trained.understand(m));

    writeFileSync(join(dir, file!), '{"nlp": 1, "softmax": {"labels": [], "features": [], "weights": "AAAA"}}');
    const retrained = await createNlpUnderstanding({ cacheDir: dir });
    for (const m of MESSAGES) expect(await retrained.understand(m)).toEqual(await trained.understand(m));
  });
});
