import { readFileSync } from 'node:fs';
import type { FeedbackItem } from '../../src/domain/feedback.schema';
import { fromRoot } from '../../src/paths';
import { TeamsAiDraftingModel } from '../../src/teams/ai/drafting.model';
import { screens as makeScreens } from '../../src/teams/screens';
import { VERBS } from '../../src/teams/verbs';
import { cardText, createBotHarness, PLAN_ID, PLAYGROUND_USERS } from '../support/bot.harness';
import { button, findButton, inputs, validCard } from '../support/card-inspect';
import { completion, startModelServer, type Reply } from '../support/openai.server';

type Harness = Awaited<ReturnType<typeof createBotHarness>>;
type ModelServer = Awaited<ReturnType<typeof startModelServer>>;

const SUGGESTED = 'Shropshire’s partnership will make support for children with SEND timelier and closer to home. [add the current EHCP timeliness figure]';
const PLANTED_EMAIL = 'jo.bloggs@family.example';

const openAiModel = (server: ModelServer, timeoutMs = 5000) =>
  new TeamsAiDraftingModel({ kind: 'openai', apiKey: 'test-key', model: 'gpt-test', baseUrl: `${server.url}/v1`, timeoutMs });

const feedback = (id: string, submitterId: string, said: string, publish: boolean): FeedbackItem => ({
  id,
  planId: PLAN_ID,
  voice: 'parent-carer',
  theme: 'communication',
  concerns: null,
  said,
  groupsReached: null,
  publish,
  anonymous: false,
  submitterId,
  submitterName: 'Someone',
  createdAt: '2026-11-01T10:00:00.000Z',
  status: 'new',
  ownerId: null,
  routedAt: null,
  answer: null,
  flaggedAt: null,
});

const systemMessage = (body: Record<string, unknown>): string => {
  const messages = body.messages as { role: string; content: string }[];
  expect(messages[0]?.role).toBe('system');
  return messages[0]!.content;
};

const ask = (h: Harness, who: string, data: Record<string, unknown> = { section: 'executiveSummary', step: 0 }) => h.executeCard(who, VERBS.assistSuggest, data);

describe('drafting help through an OpenAI-compatible model', () => {
  let server: ModelServer;
  let h: Harness;

  beforeEach(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    server = await startModelServer();
    h = await createBotHarness({ draftingModel: openAiModel(server) });
    // An email address in the plan's own words, and feedback the person asking may and may not read.
    const snapshot = (await h.store.loadPlan(PLAN_ID))!;
    const plan = structuredClone(snapshot.plan);
    plan.visionAndGoals.vision = `${plan.visionAndGoals.vision} Families can write to ${PLANTED_EMAIL}.`;
    await h.store.savePlan(PLAN_ID, snapshot.version, plan, { actorId: 'test', summary: 'setup' });
    await h.store.addFeedback(feedback('fb-mine', PLAYGROUND_USERS.pcf, 'Letters about annual reviews arrive too late.', false), { actorId: 'test', summary: 'setup' });
    await h.store.addFeedback(feedback('fb-private', 'someone-else', 'A private worry about a named school.', false), { actorId: 'test', summary: 'setup' });
  });

  afterEach(async () => {
    await h.close();
    await server.close();
    jest.restoreAllMocks();
  });

  it('sends the prompt file and only plan content the person may read, and shows the answer as a suggestion card', async () => {
    server.reply(completion(SUGGESTED));
    const card = validCard(await ask(h, PLAYGROUND_USERS.pcf));
    expect(server.seen).toHaveLength(1);
    const request = server.seen[0]!;
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer test-key');
    expect(request.body.model).toBe('gpt-test');
    const system = systemMessage(request.body);
    const promptFile = readFileSync(fromRoot('prompts', 'draft-section', 'skprompt.txt'), 'utf8');
    expect(system).toContain(promptFile.split('\n')[0]);
    expect(system).toContain('British English');
    expect(system).toContain('Letters about annual reviews arrive too late.');
    const everything = JSON.stringify(request.body);
    expect(everything).not.toContain('A private worry');
    expect(everything).not.toContain(PLANTED_EMAIL);
    for (const person of await h.store.listPeople()) {
      expect(everything).not.toContain(person.id);
      if (person.email) expect(everything).not.toContain(person.email);
    }
    const text = cardText(card);
    expect(text).toContain('AI-generated suggestion: check it before you use it');
    expect(text).toContain(SUGGESTED);
    expect(text).toContain('Suggested draft: Executive summary – Change story');
    for (const title of ['Use', 'Edit', 'Discard']) expect(Object.keys(button(card, title)).sort()).toEqual(['suggestion', 'verb']);
  });

  it('Use fills the person’s draft, not the plan; submitting it records that an AI suggestion was used', async () => {
    server.reply(completion(SUGGESTED));
    const before = (await h.store.loadPlan(PLAN_ID))!;
    const suggestion = button(await ask(h, PLAYGROUND_USERS.sro), 'Use');
    // Nobody else may use it.
    expect(cardText(await h.executeCard(PLAYGROUND_USERS.lead, VERBS.suggestionUse, suggestion))).toContain('made for someone else');
    const form = validCard(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.suggestionUse, suggestion));
    expect(inputs(form)['f.changeStory']).toBe(SUGGESTED);
    expect(cardText(form)).toContain('Nothing is in the plan until you do');
    expect(findButton(form, 'Submit')).toBeDefined();
    expect((await h.store.loadPlan(PLAN_ID))!.version).toBe(before.version);
    expect((await h.store.loadDraft(PLAYGROUND_USERS.sro, PLAN_ID, 'executiveSummary'))?.content).toEqual({ changeStory: SUGGESTED });

    const saved = await h.executeCard(PLAYGROUND_USERS.sro, VERBS.submit, { ...button(form, 'Submit'), 'f.changeStory': `${SUGGESTED} Checked.` });
    expect(cardText(saved)).toContain('Saved');
    const after = (await h.store.loadPlan(PLAN_ID))!;
    expect(after.plan.executiveSummary.changeStory).toBe(`${SUGGESTED} Checked.`);
    const audit = await h.store.listAudit(PLAN_ID, { keyPrefix: 'executiveSummary', sinceVersion: before.version });
    expect(audit.map((a) => a.summary)).toEqual(['Natasha Moody updated Executive summary (used an AI suggestion)']);
  });

  it('Discard marks it discarded and it cannot then be used', async () => {
    server.reply(completion(SUGGESTED));
    const data = button(await ask(h, PLAYGROUND_USERS.sro), 'Discard');
    expect(cardText(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.suggestionDiscard, data))).toContain('Suggestion discarded');
    expect(cardText(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.suggestionUse, data))).toContain('You discarded that suggestion');
    expect(await h.store.loadDraft(PLAYGROUND_USERS.sro, PLAN_ID, 'executiveSummary')).toBeNull();
  });

  it('answers a request in words (the language layer’s screens.assist) the same way', async () => {
    server.reply(completion('Recruit two trainee educational psychologists and buy in assessment capacity.'));
    const risk = (await h.store.loadPlan(PLAN_ID))!.plan.risks.risks[0]!;
    const card = validCard(await makeScreens(h.services).assist((await h.store.findPerson(PLAYGROUND_USERS.sro))!, { kind: 'suggest-mitigation', riskId: risk.id }));
    expect(cardText(card)).toContain(`Suggested mitigation: ${risk.description}`);
    expect(systemMessage(server.seen[0]!.body)).toContain(readFileSync(fromRoot('prompts', 'suggest-mitigation', 'skprompt.txt'), 'utf8').split('Task:')[1]!.split('\n')[0]!.trim());
  });

  it('offers "Suggest a draft" on the executive summary step, carrying ids only', async () => {
    server.reply(completion(SUGGESTED));
    const form = validCard(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.open, { section: 'executiveSummary' }));
    const suggest = button(form, 'Suggest a draft');
    expect(Object.keys(suggest).sort()).toEqual(['baseVersion', 'section', 'step', 'verb']);
    expect(cardText(await h.executeCard(PLAYGROUND_USERS.sro, suggest.verb as string, suggest))).toContain(SUGGESTED);
  });

  it('what was typed on the step is kept in the person’s draft when they ask for a suggestion', async () => {
    server.reply(completion(SUGGESTED));
    const form = validCard(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.open, { section: 'executiveSummary' }));
    const typedText = 'My own opening words, typed before asking for help.';
    const field = Object.keys(inputs(form)).find((k) => k.startsWith('f.'))!;
    const suggest = button(form, 'Suggest a draft');
    await h.executeCard(PLAYGROUND_USERS.sro, suggest.verb as string, { ...inputs(form), [field]: typedText, ...suggest });
    const draft = await h.store.loadDraft(PLAYGROUND_USERS.sro, PLAN_ID, 'executiveSummary');
    expect(JSON.stringify(draft?.content)).toContain(typedText);
  });

  it('suggests a risk’s mitigation from its row, and Use puts it in the row in the person’s draft', async () => {
    const mitigation = 'Recruit two trainee educational psychologists and buy in assessment capacity while they qualify.';
    server.reply(completion(mitigation));
    const snapshot = (await h.store.loadPlan(PLAN_ID))!;
    const risk = snapshot.plan.risks.risks[0]!;
    const row = validCard(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.rowOpen, { section: 'risks', step: 0, baseVersion: snapshot.version, rowId: risk.id }));
    const suggest = button(row, 'Suggest a draft');
    expect(suggest).toEqual({ verb: VERBS.assistSuggest, section: 'risks', rowId: risk.id });
    const card = validCard(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.assistSuggest, suggest));
    expect(cardText(card)).toContain(`Suggested mitigation: ${risk.description}`);
    expect(systemMessage(server.seen[0]!.body)).toContain(risk.description);
    const filled = validCard(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.suggestionEdit, button(card, 'Edit')));
    expect(inputs(filled)['f.mitigation']).toBe(mitigation);
    expect(cardText(filled)).toContain('for you to edit');
    expect((await h.store.loadPlan(PLAN_ID))!.plan.risks.risks[0]!.mitigation).toBe(risk.mitigation);
    const draft = (await h.store.loadDraft(PLAYGROUND_USERS.sro, PLAN_ID, 'risks'))!.content as { risks: { id: string; mitigation: string }[] };
    expect(draft.risks.find((r) => r.id === risk.id)?.mitigation).toBe(mitigation);
  });

  it('rewrites a feedback answer in plain English from the answer form, and Use puts it back in the answer box unsent', async () => {
    const plain = 'We have hired two more EHCP officers, so you should hear from us within four weeks.';
    server.reply(completion(plain));
    const pcf = (await h.store.findPerson(PLAYGROUND_USERS.pcf))!;
    const item = await h.services.feedback.submit(pcf, { theme: 'ehcp-timeliness', said: 'Parents cannot find out where their EHCP is.', publish: 'yes', anonymous: 'no' }, 'req-fb-1');
    const form = validCard(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.feedbackAnswerForm, { item: item.id }));
    const suggest = button(form, 'Suggest a draft');
    expect(suggest).toEqual({ verb: VERBS.assistSuggest, item: item.id });
    const card = validCard(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.assistSuggest, { ...suggest, 'f.text': 'Additional EHCP coordinator capacity has been procured to remediate timeliness.' }));
    const system = systemMessage(server.seen[0]!.body);
    expect(system).toContain('Additional EHCP coordinator capacity has been procured');
    expect(system).toContain('Parents cannot find out where their EHCP is.');
    expect(JSON.stringify(server.seen[0]!.body)).not.toContain(pcf.name);
    const answerForm = validCard(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.suggestionUse, button(card, 'Use')));
    expect(inputs(answerForm)['f.text']).toBe(plain);
    expect((await h.store.loadFeedback(item.id))!.answer).toBeNull();
  });

  it('summarises a quarter’s updates for one workstream as a card to read, without who posted them', async () => {
    server.reply(completion('Workstream 3 cut the assessment backlog by a third.'));
    const lead = (await h.store.findPerson(PLAYGROUND_USERS.lead))!;
    const workstream = lead.roles.flatMap((r) => (r.role === 'workstream-lead' ? r.workstreams : []))[0]!;
    const quarter = h.services.updates.currentQuarter().id;
    await h.store.addUpdate(
      PLAN_ID,
      { workstreamId: workstream, quarter, milestones: [], actual: '47%', narrative: 'Backlog down by a third after the summer push.', blockers: null, supportNeeded: null },
      { id: 'upd-1', authorId: lead.id, planVersion: (await h.store.loadPlan(PLAN_ID))!.version },
      { actorId: lead.id, summary: 'setup' },
    );
    const sro = (await h.store.findPerson(PLAYGROUND_USERS.sro))!;
    const card = validCard(await makeScreens(h.services).assist(sro, { kind: 'summarise-updates', workstreamId: workstream, quarter: null }));
    expect(cardText(card)).toContain('Workstream 3 cut the assessment backlog by a third.');
    expect(findButton(card, 'Use')).toBeUndefined();
    expect(findButton(card, 'Discard')).toBeDefined();
    const sent = JSON.stringify(server.seen[0]!.body);
    expect(sent).toContain('Backlog down by a third after the summer push.');
    expect(sent).not.toContain(lead.id);
    expect(sent).not.toContain(lead.name);
  });

  const failures: [string, Reply, string][] = [
    ['a 429', { status: 429, body: { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } } }, 'The drafting help is busy'],
    ['a filtered answer', completion(null, 'content_filter'), 'No suggestion this time'],
    ['a filtered prompt (400 content_filter)', { status: 400, body: { error: { message: 'filtered', type: null, param: 'prompt', code: 'content_filter', status: 400 } } }, 'No suggestion this time'],
    ['a 500', { status: 500, body: { error: { message: 'The server had an error' } } }, 'The drafting help is not working just now'],
    ['no answer in time', { ...completion(SUGGESTED), delayMs: 3000 }, 'The drafting help took too long'],
  ];

  it.each(failures)('%s is a clear notice card and nothing is written', async (_name, reply, title) => {
    await h.close();
    h = await createBotHarness({ draftingModel: openAiModel(server, 400) });
    server.reply(reply);
    const version = (await h.store.loadPlan(PLAN_ID))!.version;
    const card = validCard(await ask(h, PLAYGROUND_USERS.sro));
    expect(cardText(card)).toContain(title);
    expect(cardText(card)).toContain('Nothing has been changed');
    expect(cardText(card)).not.toContain('AI-generated suggestion');
    expect(await h.store.listSuggestions(PLAYGROUND_USERS.sro, PLAN_ID)).toEqual([]);
    expect((await h.store.loadPlan(PLAN_ID))!.version).toBe(version);
  });
});

describe('drafting help with no model configured', () => {
  it('says it is not switched on, and the rest of the bot works unchanged', async () => {
    const h = await createBotHarness();
    try {
      const card = validCard(await ask(h, PLAYGROUND_USERS.sro));
      expect(cardText(card)).toContain('Drafting help is not switched on');
      expect(await h.store.listSuggestions(PLAYGROUND_USERS.sro, PLAN_ID)).toEqual([]);
      expect(cardText(await h.executeCard(PLAYGROUND_USERS.sro, VERBS.open, { section: 'executiveSummary' }))).toContain('Your change story');
    } finally {
      await h.close();
    }
  });
});

describe('drafting help through Azure OpenAI', () => {
  it('calls the deployment’s chat completions with the api-key header', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const server = await startModelServer();
    // Azure endpoints are HTTPS only: requests for it are routed to the local server over plain HTTP.
    const toLocal = (url: RequestInfo | URL, init?: RequestInit) => fetch(String(url).replace('https://aoai.example.test', server.url), init);
    const model = new TeamsAiDraftingModel({ kind: 'azure', endpoint: 'https://aoai.example.test', apiKey: 'azure-key', deployment: 'plan-drafts', apiVersion: '2024-06-01', timeoutMs: 5000 }, { fetch: toLocal });
    const h = await createBotHarness({ draftingModel: model });
    try {
      server.reply(completion(SUGGESTED));
      expect(cardText(await ask(h, PLAYGROUND_USERS.sro))).toContain(SUGGESTED);
      expect(server.seen[0]!.url).toBe('/openai/deployments/plan-drafts/chat/completions?api-version=2024-06-01');
      expect(server.seen[0]!.headers['api-key']).toBe('azure-key');
    } finally {
      await h.close();
      await server.close();
      jest.restoreAllMocks();
    }
  });
});
