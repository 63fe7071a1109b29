import type { DocumentModel } from '../../src/domain/document.model';
import { isDomainError } from '../../src/domain/errors';
import { documentCharacters, MAX_WORD_CHARACTERS, renderFile } from '../../src/export/document-file';
import { VERBS } from '../../src/teams/verbs';
import { cardText, createBotHarness, PLAN_ID } from '../support/bot.harness';
import { schemaBoundPlan } from '../../bench/documents.data';

const modelOf = (characters: number): DocumentModel =>
  ({ title: 'Big', blocks: [{ kind: 'paragraph', text: 'x'.repeat(characters) }] }) as unknown as DocumentModel;

describe('a Word file too large for the bot’s own process', () => {
  it.each([
    ['just under the limit', MAX_WORD_CHARACTERS - 200, true],
    ['over the limit', MAX_WORD_CHARACTERS + 1, false],
  ])('%s: made = %s', async (_what, size, made) => {
    const model = modelOf(size);
    const outcome = await renderFile(model, 'docx').then(
      (file) => file.extension,
      (error: unknown) => (isDomainError(error, 'DOCUMENT.TOO_LARGE') ? 'refused' : String(error)),
    );
    expect(documentCharacters(model) <= MAX_WORD_CHARACTERS).toBe(made);
    expect(outcome).toBe(made ? 'docx' : 'refused');
  }, 60_000);

  it('the Markdown of the same model is still made', async () => {
    expect((await renderFile(modelOf(MAX_WORD_CHARACTERS + 1), 'md')).extension).toBe('md');
  });

  it('several Word files asked for at once are all made (one after another)', async () => {
    const files = await Promise.all([1, 2, 3].map((n) => renderFile(modelOf(n * 1000), 'docx')));
    expect(files.map((f) => f.extension)).toEqual(['docx', 'docx', 'docx']);
  }, 60_000);

  it('the SRO asking for a plan too large for Word is told so in Teams, in words, and no link is made', async () => {
    const bot = await createBotHarness();
    try {
      // The largest plan the schema accepts, every row text at its limit (bench/documents.data.ts).
      const snapshot = (await bot.store.loadPlan(PLAN_ID))!;
      await bot.store.savePlan(PLAN_ID, snapshot.version, schemaBoundPlan(10, { longRowTexts: true }), { actorId: 'test', summary: 'the largest plan' });
      const card = cardText(await bot.executeCard('00000000-0000-0000-0000-0000000000020', VERBS.showStatus, { verb: VERBS.showStatus }).then(() => bot.say('00000000-0000-0000-0000-0000000000020', 'export')).then((r) => r[0]?.attachments?.[0]?.content));
      expect(card).toContain('Too large for a Word file here');
      expect(card).toMatch(/more than the 1,000,000 I can make into a Word file/);
    } finally {
      await bot.close();
    }
  }, 60_000);
});
