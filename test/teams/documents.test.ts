import { COMMANDS } from '../../src/teams/commands';
import { VERBS } from '../../src/teams/verbs';
import type { SignatoryRole } from '../../src/domain/plan.schema';
import { button, onlyCard, validCard } from '../support/card-inspect';
import { cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';

const { sro, signatory, pcf, lead } = PLAYGROUND_USERS;
const BASE = 'http://localhost:3978'; // the harness's bot has no public address of its own
const ANNIE = '00000000-0000-0000-0000-0000000000025'; // leads workstream 3

/** Every Action.OpenUrl on a card: what a person can open in the browser. */
const openUrls = (card: unknown): { title: string; url: string }[] => {
  const out: { title: string; url: string }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.OpenUrl') out.push({ title: String(n.title), url: String(n.url) });
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
};

/** The commands a help card lists: the FactSet's titles. */
const helpCommands = (card: unknown): string[] => {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'FactSet') out.push(...(n.facts as { title: string }[]).map((f) => f.title));
      else Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
};

const valid = validCard;

const tokenOf = (url: string) => url.split('/')[4] ?? '';

describe('documents from Teams: the plan and the highlight report as files', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness(); // the clock says 27 November 2026; links work for seven days
  });
  afterEach(async () => {
    await bot.close();
  });

  const only = (who: string, text: string) => onlyCard(bot, who, text);

  it('"export" gives the SRO the plan as Annex A: version, fingerprint, a Word and a Markdown link of their own', async () => {
    const card = await only(sro, 'export');
    const words = cardText(card);
    expect(words).toContain('Local SEND Reform Plan as Annex A (Word)');
    expect(words).toMatch(/Plan version\n1\n/);
    expect(words).toContain('Not signed off: the plan as it stands now');
    expect(words).toContain('These links are yours alone and stop working on 4 December 2026.');

    const links = openUrls(card);
    expect(links.map((l) => l.title)).toEqual(['Download Word (.docx)', 'Download Markdown (.md)']);
    expect(links[0]!.url).toMatch(new RegExp(`^${BASE}/documents/[A-Za-z0-9_-]{32}/local-send-reform-plan-${PLAN_ID}-v1\\.docx$`));
    expect(links[1]!.url).toMatch(new RegExp(`^${BASE}/documents/[A-Za-z0-9_-]{32}/local-send-reform-plan-${PLAN_ID}-v1\\.md$`));
    expect(tokenOf(links[0]!.url)).not.toBe(tokenOf(links[1]!.url));

    // The links open the files the card describes: the fingerprint shown is the start of theirs.
    const shown = /SHA-256\n([a-f0-9]{16})…/.exec(words)?.[1];
    expect(shown).toMatch(/^[a-f0-9]{16}$/);
    const docx = await bot.services.exports.openLink(tokenOf(links[0]!.url));
    const md = await bot.services.exports.openLink(tokenOf(links[1]!.url));
    if (docx.status !== 'ok' || md.status !== 'ok') throw new Error(`links did not open: ${docx.status}, ${md.status}`);
    expect(docx.file.body.subarray(0, 2).toString()).toBe('PK');
    expect(docx.file.provenance.hash.startsWith(shown!)).toBe(true);
    expect(md.file.provenance).toEqual(docx.file.provenance);
    expect((await bot.store.findDownloadLink(tokenOf(links[0]!.url)))?.personId).toBe(sro);
  });

  it.each(['export the plan', 'Download the plan', 'word copy', 'give me the plan in Word', 'Export!'])('understands "%s" as export', async (text) => {
    expect(cardText(await only(sro, text))).toContain('Local SEND Reform Plan as Annex A (Word)');
  });

  it('a signatory may export too; once all five have signed, the file is the signed text', async () => {
    const people = await bot.store.listPeople();
    const sroPerson = people.find((p) => p.id === sro)!;
    const round = await bot.services.signOff.request(sroPerson, [], 'round-1');
    for (const request of round.requests) {
      const person = people.find((p) => p.id === request.personId)!;
      await bot.services.signOff.decide(person, { roundId: round.round.id, role: request.role as SignatoryRole, cardVersion: round.round.planVersion, decision: 'approve', text: '' }, `approve-${request.role}`);
    }
    const card = await only(signatory, 'export');
    const words = cardText(card);
    expect(words).toContain('The signed text, with the signatories table filled in');
    const record = await bot.services.signOff.signedRecord(1);
    expect(words).toContain(`SHA-256\n${record!.hash.slice(0, 16)}…`);
    const opened = await bot.services.exports.openLink(tokenOf(openUrls(card)[1]!.url));
    expect(opened.status === 'ok' && opened.file.provenance.signed).toBe(true);
  });

  it('a Parent Carer Forum representative is told the plan file is not theirs, and no link is made', async () => {
    const card = await only(pcf, 'export');
    const words = cardText(card);
    expect(words).toContain("Your role doesn't allow that");
    expect(words).toContain('The Word copy of the plan is for the SRO and the signatories.');
    expect(openUrls(card)).toEqual([]);
  });

  it('the highlight report has "Download as Word": a link to that quarter’s report, with its expiry', async () => {
    const report = await only(ANNIE, 'report');
    const download = button(report, 'Download as Word');
    expect(download).toEqual({ verb: VERBS.reportDownload, quarter: '2026-Q3' });
    const card = valid(await bot.executeCard(ANNIE, VERBS.reportDownload, download));
    const words = cardText(card);
    expect(words).toContain('Highlight report as Word: Quarter 3 of 2026-27 (October to December 2026)');
    expect(words).toContain('This link is yours alone and stops working on 4 December 2026.');
    const links = openUrls(card);
    expect(links).toHaveLength(1);
    expect(links[0]!.title).toBe('Download Word (.docx)');
    expect(links[0]!.url).toMatch(new RegExp(`^${BASE}/documents/[A-Za-z0-9_-]{32}/highlight-report-${PLAN_ID}-v1-[a-f0-9]{8}\\.docx$`));
    const opened = await bot.services.exports.openLink(tokenOf(links[0]!.url));
    expect(opened.status).toBe('ok');
    // Back to the report it came from.
    expect(button(card, 'Back to the report')).toEqual({ verb: VERBS.report, quarter: '2026-Q3' });
  });

  it('the report download is for the quarter on the card, and refused to people the report is not for', async () => {
    const q4 = await only(sro, 'Q4 report');
    const card = valid(await bot.executeCard(sro, VERBS.reportDownload, button(q4, 'Download as Word')));
    expect(cardText(card)).toContain('Highlight report as Word: Quarter 4 of 2026-27 (January to March 2027)');
    const refused = valid(await bot.executeCard(pcf, VERBS.reportDownload, { quarter: '2026-Q3' }));
    expect(cardText(refused)).toContain('The highlight report is for the SRO, the workstream leads and the signatories.');
    expect(openUrls(refused)).toEqual([]);
    const nonsense = valid(await bot.executeCard(sro, VERBS.reportDownload, { quarter: 'next year' }));
    expect(cardText(nonsense)).toContain('That card sent something I did not recognise');
  });

  it.each([
    ['the SRO', sro, ['export', 'spend']],
    ['a workstream lead', lead, ['spend']],
    ['a signatory', signatory, ['export']],
    ['a Parent Carer Forum representative', pcf, []],
  ] as const)('help offers export and spend to %s only as their roles allow', async (_who, id, offered) => {
    const listed = helpCommands(await only(id, 'help'));
    expect(listed).toContain('status');
    expect(listed.filter((c) => c === 'export' || c === 'spend')).toEqual(offered);
  });

  it('export, spend, dependencies and people are typed commands: both Teams menus already hold the ten allowed', () => {
    const typedOnly = COMMANDS.filter((c) => c.menus.length === 0).map((c) => c.name);
    expect(typedOnly).toEqual(['sign-off status', 'export', 'spend', 'dependencies', 'people']);
    for (const menu of ['personal', 'team'] as const) expect(COMMANDS.filter((c) => (c.menus as readonly string[]).includes(menu)).length).toBeLessThanOrEqual(10);
  });
});
