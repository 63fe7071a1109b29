import { fingerprint } from '../../src/export/fingerprint';
import { unescapeMarkdown } from '../support/markdown';
import { VERBS } from '../../src/teams/verbs';
import { checkCard } from '../support/adaptive-card.validate';
import { findButton as button } from '../support/card-inspect';
import { cardOf, cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';

const { sro } = PLAYGROUND_USERS;
const SIGNATORIES = {
  'la-chief-executive': PLAYGROUND_USERS.signatory, // Tanya Miles
  'icb-chief-executive': 'demo-simon-whitehouse',
  'director-of-childrens-services': 'demo-david-shaw',
  'icb-place-director': 'demo-vanessa-whatley',
  'la-chief-finance-officer': 'demo-duncan-whitfield',
} as const;
type Role = keyof typeof SIGNATORIES;
const ROLES = Object.keys(SIGNATORIES) as Role[];

describe('sign-off', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeEach(async () => {
    bot = await createBotHarness();
    // Signatories who have talked to the bot can be reached.
    for (const id of Object.values(SIGNATORIES)) await bot.say(id, 'hello');
  });
  afterEach(async () => {
    await bot.close();
  });

  /** The sign-off card each signatory received, by role. */
  const cardsSent = () => {
    const byRole = new Map<Role, Record<string, unknown>>();
    for (const p of bot.proactive) {
      const card = cardOf(p.activity);
      const approve = button(card, 'Approve');
      if (approve) byRole.set(approve.role as Role, card!);
    }
    return byRole;
  };

  const start = async () => {
    const form = cardOf((await bot.say(sro, 'sign-off'))[0]);
    expect(checkCard(form).problems).toEqual([]);
    const sent = await bot.executeCard(sro, VERBS.signoffSend, { ...button(form, 'Send for sign-off') });
    return { form, sent: sent! };
  };

  const decide = (role: Role, title: 'Approve' | 'Decline' | 'Ask a question', text = '', who: string = SIGNATORIES[role]) => {
    const card = cardsSent().get(role);
    return bot.executeCard(who, String(button(card, title)?.verb), { ...button(card, title), text });
  };

  it('the SRO sees readiness first, as a warning, then the request goes to all five with the plan bound by its hash', async () => {
    const { form, sent } = await start();
    const words = cardText(form);
    expect(words).toContain('Before you send it: readiness is not complete (you can still send it)');
    expect(words).toContain('Governance membership includes health and Parent Carer Forum representation');
    expect(words).toContain('Local Authority Chief Financial Officer (CFO/Section 151 Officer)\nDuncan Whitfield');
    expect(cardText(sent)).toContain('Sent version 1 to 5 of 5 signatories.');
    const cards = cardsSent();
    expect([...cards.keys()].sort()).toEqual([...ROLES].sort());
    const tanya = cards.get('la-chief-executive')!;
    expect(checkCard(tanya).problems).toEqual([]);
    expect(cardText(tanya)).toContain('Please sign off the Local SEND Reform Plan, version 1');
    expect(cardText(tanya)).toContain('Tanya Miles signs as Local Authority Chief Executive (CEO).');
    expect(cardText(tanya)).toContain('This is the first version sent for sign-off.');
    // Per-user view: the card refreshes for the signatory alone.
    expect(tanya.refresh).toMatchObject({ userIds: [`user-${SIGNATORIES['la-chief-executive']}`] });
    const round = (await bot.store.listRounds(PLAN_ID))[0]!;
    expect(round.planHash).toMatch(/^[a-f0-9]{64}$/);
    // What was sent is the one compiled document, kept as issued, and the hash is its fingerprint.
    const issued = await bot.store.loadIssuedDocument(round.planHash, 1);
    expect(issued && fingerprint(issued.model)).toBe(round.planHash);
    expect((await bot.services.documents.compileCurrent()).hash).toBe(round.planHash);
  });

  it('a full round ends signed, and the exported plan carries the filled signatories table', async () => {
    await start();
    for (const role of ROLES) {
      const card = await decide(role, 'Approve');
      expect(cardText(card)).toMatch(/You approved version 1/);
      expect(button(card, 'Approve')).toBeUndefined();
    }
    const status = cardText(cardOf((await bot.say(sro, 'sign-off status'))[0]));
    expect(status).toContain('Version 1 is signed off (27 November 2026).');
    expect(status).toMatch(/Local Authority Chief Executive \(CEO\): Tanya Miles\nSigned\ntanya\.miles@shropshire\.example · signed 27 November 2026/);
    const complete = bot.proactive.map((p) => cardText(cardOf(p.activity))).filter((t) => t.includes('signed off by all five signatories'));
    expect(complete).toHaveLength(1);

    const record = await bot.services.signOff.signedRecord(1);
    const round = (await bot.store.listRounds(PLAN_ID))[0]!;
    // The hash every signatory approved is the hash of the exported document, in every format.
    const md = await bot.services.exports.planFile('test', 'md');
    const docx = await bot.services.exports.planFile('test', 'docx');
    expect(record!.hash).toBe(round.planHash);
    expect(md.provenance).toEqual({ planId: PLAN_ID, version: 1, hash: round.planHash, signed: true });
    expect(docx.provenance).toEqual(md.provenance);
    expect((await bot.services.verify.verify(docx.body, 'plan.docx')).outcome).toBe('match');
    const markdown = unescapeMarkdown(md.body.toString('utf8'));
    const signed = `Signed in Microsoft Teams (version 1, SHA-256 ${record!.hash})`;
    expect(markdown).toContain(`| Local Authority Chief Executive (CEO) | Tanya Miles | ${signed} | tanya.miles@shropshire.example | 2026-11-27 |`);
    expect(markdown).toContain(`| Local Authority Chief Financial Officer (CFO/Section 151 Officer) | Duncan Whitfield | ${signed} | duncan.whitfield@shropshire.example | 2026-11-27 |`);
    expect(markdown).toContain(`Signed version 1. SHA-256 of the signed text: ${record!.hash}`);
  });

  it('a decline needs a reason, and the SRO hears it', async () => {
    await start();
    const refused = await decide('icb-place-director', 'Decline', '   ');
    expect(cardText(refused)).toContain('Please give a reason for declining');
    const declined = await decide('icb-place-director', 'Decline', 'Q6 spend profile needs the ICB finance sign-off first.');
    expect(cardText(declined)).toContain('You declined version 1');
    const toSro = bot.proactive.filter((p) => p.conversationId === `chat-${sro}`).map((p) => cardText(cardOf(p.activity)));
    expect(toSro.some((t) => t.includes('Vanessa Whatley has declined version 1 as Integrated Care Board NHS Place Director') && t.includes('Q6 spend profile'))).toBe(true);
  });

  it('only the person on the roster for a role can sign it, and nobody signs twice', async () => {
    await start();
    const card = cardsSent().get('la-chief-finance-officer');
    const forged = await bot.executeCard(PLAYGROUND_USERS.lead, VERBS.signoffApprove, { ...button(card, 'Approve') });
    expect(cardText(forged)).toContain('Only Duncan Whitfield can sign as Local Authority Chief Financial Officer');
    const otherSignatory = await bot.executeCard(SIGNATORIES['la-chief-executive'], VERBS.signoffApprove, { ...button(card, 'Approve') });
    expect(cardText(otherSignatory)).toContain('Only Duncan Whitfield can sign');
    await decide('la-chief-finance-officer', 'Approve');
    const twice = await decide('la-chief-finance-officer', 'Approve');
    expect(cardText(twice)).toContain('This has already been answered');
    const requests = (await bot.services.signOff.latest())!.requests;
    expect(requests.filter((r) => r.state === 'signed').map((r) => r.name)).toEqual(['Duncan Whitfield']);
  });

  it('an edit mid-round voids the signatures, everyone is told, and a late approve on the old version is refused', async () => {
    await start();
    await decide('la-chief-executive', 'Approve');
    // The SRO fixes a typo in Q7 through the questionnaire.
    const open = await bot.executeCard(sro, VERBS.open, { verb: VERBS.open, section: 'deliveryCapacity' });
    await bot.executeCard(sro, VERBS.submit, { ...button(open, 'Submit'), 'f.narrative': 'We will deliver the 2026–27 plan as one partnership programme.' });
    const round = (await bot.services.signOff.latest())!;
    expect(round.round.status).toBe('voided');
    expect(round.requests.every((r) => r.state === 'voided')).toBe(true);
    const told = bot.proactive.map((p) => [p.conversationId, cardText(cardOf(p.activity))] as const).filter(([, t]) => t.includes('Sign-off of version 1 no longer counts'));
    expect(told.map(([c]) => c).sort()).toEqual([sro, ...Object.values(SIGNATORIES)].map((id) => `chat-${id}`).sort());

    const late = await decide('icb-chief-executive', 'Approve');
    expect(cardText(late)).toContain('This sign-off request no longer counts');
    expect(cardText(late)).toContain('The plan has changed since version 1 was sent for sign-off');
    // The SRO starts a new round for version 2.
    const status = cardOf((await bot.say(sro, 'sign-off status'))[0]);
    expect(cardText(status)).toContain('The round for version 1 no longer counts: The plan changed to version 2.');
    expect(button(status, 'Request sign-off again')).toBeDefined();
  });

  it('a card for another version is refused', async () => {
    await start();
    const card = cardsSent().get('la-chief-executive');
    const wrong = await bot.executeCard(SIGNATORIES['la-chief-executive'], VERBS.signoffApprove, { ...button(card, 'Approve'), version: 7 });
    expect(cardText(wrong)).toContain('This card is for version 7, but the request is for version 1.');
  });

  it('a question goes to the SRO and leaves the request open', async () => {
    await start();
    const asked = await decide('director-of-childrens-services', 'Ask a question', 'Is the EAH workforce plan costed?');
    expect(button(asked, 'Approve')).toBeDefined();
    const toSro = bot.proactive.filter((p) => p.conversationId === `chat-${sro}`).map((p) => cardText(cardOf(p.activity)));
    expect(toSro.some((t) => t.includes('David Shaw (Local Authority Director of Children') && t.includes('Is the EAH workforce plan costed?'))).toBe(true);
  });

  it('reminders go only to pending signatories, and the SRO can resend', async () => {
    await start();
    await decide('la-chief-executive', 'Approve');
    await decide('icb-chief-executive', 'Decline', 'Not yet.');
    const before = bot.proactive.length;
    bot.clock.advance(3 * 24 * 3600 * 1000 + 1000);
    const result = await bot.services.signOff.remind({ days: 3 });
    expect(result.sent.sort()).toEqual(['David Shaw', 'Duncan Whitfield', 'Vanessa Whatley']);
    const reminders = bot.proactive.slice(before).map((p) => cardText(cardOf(p.activity)));
    expect(reminders).toHaveLength(3);
    expect(reminders.every((t) => t.includes('Reminder: please sign off the Local SEND Reform Plan, version 1'))).toBe(true);
    expect(await bot.services.signOff.remind({ days: 3 })).toEqual({ sent: [], unreachable: [], firstTime: [], sending: [], reasons: {} });
    const status = cardOf((await bot.say(sro, 'sign-off status'))[0]);
    expect(cardText(status)).toMatch(/Duncan Whitfield\nWaiting\n[^\n]*reminders sent: 1/);
    const resent = await bot.executeCard(sro, VERBS.signoffResend, { ...button(status, 'Resend') });
    expect(cardText(resent)).toMatch(/Sent again to/);
  });

  it('a signatory who never talked to the bot is reported to the SRO by name', async () => {
    const fresh = await createBotHarness();
    try {
      await fresh.say(SIGNATORIES['la-chief-executive'], 'hello');
      const form = cardOf((await fresh.say(sro, 'sign-off'))[0]);
      const sent = await fresh.executeCard(sro, VERBS.signoffSend, { ...button(form, 'Send for sign-off') });
      expect(cardText(sent)).toContain('Sent version 1 to 1 of 5 signatories.');
      expect(cardText(sent)).toContain('Not reached, because they are not a member of the partnership’s team in Teams and have never opened the bot: Simon Whitehouse (Integrated Care Board (ICB) Chief Executive); David Shaw');
    } finally {
      await fresh.close();
    }
  });

  it('only the SRO may request sign-off; signatories may see its status; others may not', async () => {
    expect(cardText(cardOf((await bot.say(PLAYGROUND_USERS.lead, 'sign-off'))[0]))).toContain("Your role doesn't allow that");
    expect(cardText(cardOf((await bot.say(SIGNATORIES['la-chief-executive'], 'sign-off status'))[0]))).toContain('No sign-off has been requested yet.');
    expect(cardText(cardOf((await bot.say(PLAYGROUND_USERS.pcf, 'sign-off status'))[0]))).toContain("Your role doesn't allow that");
  });

  it('anyone else who refreshes a signatory card sees the status only', async () => {
    await start();
    const card = cardsSent().get('la-chief-executive')!;
    const refresh = (card.refresh as { action: { data: Record<string, unknown> } }).action.data;
    const forTanya = await bot.executeCard(SIGNATORIES['la-chief-executive'], VERBS.signoffRefresh, refresh);
    expect(button(forTanya, 'Approve')).toBeDefined();
    const forSro = await bot.executeCard(sro, VERBS.signoffRefresh, refresh);
    expect(button(forSro, 'Approve')).toBeUndefined();
    expect(cardText(forSro)).toContain('Tanya Miles: Waiting');
  });

  it('serves the plan exactly as sent, by the link in the card', async () => {
    const { createServer } = await import('../../src/server');
    const { loadConfig } = await import('../../src/config');
    const { createLogger } = await import('../../src/logger');
    await start();
    const round = (await bot.store.listRounds(PLAN_ID))[0]!;
    const { server } = createServer({ config: loadConfig({ PORT: '0', ALLOW_UNAUTHENTICATED: 'true' }), store: bot.store, logger: createLogger({ logLevel: 'silent' }) });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const res = await fetch(`${base}/signoff/${round.token}/plan.md`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-plan-sha256')).toBe(round.planHash);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const text = await res.text();
      expect(text).toContain(`Plan ${PLAN_ID}, version 1. SHA-256 of the plan text: ${round.planHash}.`);
      expect(text).toBe((await bot.services.exports.planFile('test', 'md')).body.toString('utf8'));
      const word = await fetch(`${base}/signoff/${round.token}/plan.docx`);
      expect(word.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect((await bot.services.verify.verify(Buffer.from(await word.arrayBuffer()), 'plan.docx')).outcome).toBe('match');
      expect((await fetch(`${base}/signoff/${'0'.repeat(36)}/plan.md`)).status).toBe(404);
      // Once the plan changes, the round is voided and the link says so rather than serving an old text.
      const snapshot = (await bot.store.loadPlan(PLAN_ID))!;
      await bot.services.store.savePlan(PLAN_ID, snapshot.version, { ...snapshot.plan, executiveSummary: { changeStory: 'Changed after sending.' } }, { actorId: sro, summary: 'edit' });
      expect((await fetch(`${base}/signoff/${round.token}/plan.md`)).status).toBe(410);
    } finally {
      server.close();
    }
  });
});
