import AdmZip from 'adm-zip';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { VERBS } from '../../src/teams/verbs';
import { cardOf, cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';
import { button } from '../support/card-inspect';

const SRO = PLAYGROUND_USERS.sro;
const LEAD = PLAYGROUND_USERS.lead;

/** The plan's own Word export with one sentence of Q9 changed, as a partner would in Word. */
const editedExport = async (bot: Awaited<ReturnType<typeof createBotHarness>>, from: string, to: string): Promise<Buffer> => {
  const file = await bot.services.exports.planFile('test', 'docx');
  const zip = new AdmZip(file.body);
  const xml = zip.readAsText('word/document.xml');
  zip.updateFile('word/document.xml', Buffer.from(xml.replace(from, to), 'utf8'));
  return zip.toBuffer();
};

describe('a Word plan sent to the bot in Teams', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  let server: Server;
  const files = new Map<string, Buffer>();
  let base = '';
  /** The message Teams sends when someone attaches a file in the 1:1 chat. */
  const sendFile = (who: string, name: string, path: string) =>
    bot.send(who, {
      type: 'message',
      text: '',
      attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name, content: { downloadUrl: `${base}${path}`, fileType: 'docx', uniqueId: 'x' } }],
    });
  const version = async () => (await bot.store.loadPlan(PLAN_ID))!.version;

  beforeAll(async () => {
    bot = await createBotHarness();
    server = createServer((req, res) => {
      const body = files.get(req.url ?? '');
      // Not chained: restify, loaded by other tests in this worker, changes what writeHead returns.
      res.statusCode = body ? 200 : 404;
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    bot.close();
  });

  it('the SRO sends an edited plan: the changed section becomes their draft to review, and nothing is written', async () => {
    files.set('/edited.docx', await editedExport(bot, 'has adopted a collaborative and transparent approach', 'has adopted an open approach'));
    const card = cardOf((await sendFile(SRO, 'Plan v2 (edited).docx', '/edited.docx'))[0]);
    const text = cardText(card);
    expect(text).toMatch(/^From Plan v2 \(edited\)\.docx/);
    expect(text).toContain('1 section would change against version 1');
    expect(text).toContain('Q9 Engagement and co-production');
    expect(button(card, 'Review')).toMatchObject({ verb: VERBS.open, section: 'engagement' });
    expect(await version()).toBe(1);
    const draft = await bot.store.loadDraft(SRO, PLAN_ID, 'engagement');
    expect(JSON.stringify(draft?.content)).toContain('has adopted an open approach');

    // Review opens the section's own card, filled with the file's words.
    const review = await bot.executeCard(SRO, VERBS.open, { verb: VERBS.open, section: 'engagement' });
    expect(JSON.stringify(review)).toContain('has adopted an open approach');

    // Take all: one new version, audited as imported from the file; pressed twice, still one.
    const take = button(card, 'Take all');
    const taken = await bot.executeCard(SRO, VERBS.importTake, take);
    expect(cardText(taken)).toMatch(/^Version 2 saved/);
    expect(await version()).toBe(2);
    const [audit] = await bot.store.listAudit(PLAN_ID, { sinceVersion: 1 });
    expect(audit?.summary).toBe('Imported from Plan v2 (edited).docx: Q9 Engagement and co-production');
    expect(await bot.store.loadDraft(SRO, PLAN_ID, 'engagement')).toBeNull();
    const again = await bot.executeCard(SRO, VERBS.importTake, take);
    expect(cardText(again)).toMatch(/^Already taken, in version 2[\s\S]*nothing more was written/);
    expect(await version()).toBe(2);
    expect(await bot.store.listAudit(PLAN_ID, { sinceVersion: 1 })).toHaveLength(1);
  });

  it('the plan’s own export, sent back, changes nothing and offers nothing to take', async () => {
    files.set('/same.docx', (await bot.services.exports.planFile('test', 'docx')).body);
    const card = cardOf((await sendFile(SRO, 'plan.docx', '/same.docx'))[0]);
    expect(cardText(card)).toContain('Nothing in this file would change version 2');
    expect(JSON.stringify(card)).not.toContain(VERBS.importTake);
  });

  it.each([
    ['someone who is not the SRO', LEAD, 'plan.docx', '/same.docx', /Senior Responsible Officer/],
    ['a macro-enabled file', SRO, 'plan.docm', '/same.docx', /macro-enabled/],
    ['a file that is not Word', SRO, 'budget.xlsx', '/same.docx', /not a Word file/],
    ['a file Teams will not give', SRO, 'plan.docx', '/missing.docx', /would not give me that file/],
  ])('%s is answered plainly, and nothing is written', async (_what, who, name, path, words) => {
    const before = await version();
    const card = cardOf((await sendFile(who, name, path))[0]);
    expect(cardText(card)).toMatch(words);
    expect(await version()).toBe(before);
  });

  it('a Take all from a card older than the plan takes nothing', async () => {
    files.set('/edited3.docx', await editedExport(bot, 'has adopted an open approach', 'has adopted a wide approach'));
    const card = cardOf((await sendFile(SRO, 'third.docx', '/edited3.docx'))[0]);
    const current = (await bot.store.loadPlan(PLAN_ID))!;
    await bot.store.savePlan(PLAN_ID, current.version, { ...current.plan, deliveryCapacity: { narrative: 'Changed elsewhere meanwhile.' } }, { actorId: 'someone', summary: 'a change elsewhere' });
    const before = await version();
    const stale = await bot.executeCard(SRO, VERBS.importTake, button(card, 'Take all'));
    expect(cardText(stale)).toMatch(/^The plan changed since that file was read[\s\S]*Send the file again/);
    expect(await version()).toBe(before);
    expect(JSON.stringify((await bot.store.loadPlan(PLAN_ID))!.plan.engagement)).not.toContain('has adopted a wide approach');
  });
});
