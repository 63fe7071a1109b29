import type { PlanVocabulary, Understanding } from '../../src/app/understanding.port';
import { demoPlan } from '../../src/demo/demo-plan';
import { quarter } from '../../src/domain/quarters';
import { CORPUS, createNlpUnderstanding } from '../../src/language/nlp.understanding';
import { tidy } from '../../src/language/text';
import { UTTERANCES } from './utterances.table';

const plan = demoPlan();
const vocabulary: PlanVocabulary = {
  workstreams: plan.deliveryPlan.workstreams.map((w) => ({ id: w.id, code: w.code, name: w.name })),
  risks: plan.risks.risks.map((r) => ({ id: r.id, description: r.description })),
  currentQuarter: quarter(2026, 3),
};

describe('the language layer', () => {
  let nlu: Understanding;
  beforeAll(async () => {
    nlu = await createNlpUnderstanding();
  });

  it('the table covers every role with over 100 lines, most of them held out', () => {
    expect(UTTERANCES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(UTTERANCES.map((u) => u.role)).size).toBe(7);
    expect(UTTERANCES.filter((u) => u.held).length).toBeGreaterThanOrEqual(80);
  });

  it('no held-out line is in the training corpus', () => {
    const trained = new Set(Object.values(CORPUS).flatMap((lines) => (lines ?? []).map(tidy)));
    expect(UTTERANCES.filter((u) => u.held && trained.has(tidy(u.text))).map((u) => u.text)).toEqual([]);
  });

  it.each(UTTERANCES.map((u) => [u.text, u.role, u.intent, u] as const))('"%s" (%s) reads as %s', async (text, _role, intent, u) => {
    const understood = await nlu.understand(text, vocabulary);
    expect(understood.entities).toMatchObject(u.entities ?? {});
    if (u.held) return; // held-out intents are scored together below
    expect(understood.intent).toBe(intent);
  });

  it('reads at least 90% of the held-out lines as the right intent', async () => {
    const held = UTTERANCES.filter((u) => u.held);
    const wrong: string[] = [];
    for (const u of held) {
      const understood = await nlu.understand(u.text, vocabulary);
      if (understood.intent !== u.intent) wrong.push(`${u.text} -> ${understood.intent} (${understood.score.toFixed(2)}), wanted ${u.intent}`);
    }
    const accuracy = (held.length - wrong.length) / held.length;
    process.stdout.write(`held-out accuracy: ${(accuracy * 100).toFixed(1)}% of ${held.length}\n${wrong.join('\n')}\n`);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['ws2', 'ws-2'],
    ['workstream 1a', 'ws-1a'],
    ['EHCP timeliness', 'ws-3'],
    ['the inclusive practice workstream', 'ws-1'],
    ['WS 3', 'ws-3'],
  ])('reads "%s" as workstream %s', async (text, id) => {
    expect((await nlu.understand(`update ${text}`, vocabulary)).entities.workstreamId).toBe(id);
  });

  it.each([
    ['the ICB CEO', 'icb-chief-executive'],
    ['DCS', 'director-of-childrens-services'],
    ['chief exec', 'la-chief-executive'],
    ['151 officer', 'la-chief-finance-officer'],
    ['place director', 'icb-place-director'],
    ["director of children's services", 'director-of-childrens-services'],
  ])('reads "%s" as the signatory role %s', async (text, role) => {
    expect((await nlu.understand(`has ${text} signed`, vocabulary)).entities.signatoryRole).toBe(role);
  });

  it.each([
    ['Q3', '2026-Q3'],
    ['this quarter', '2026-Q3'],
    ['last quarter', '2026-Q2'],
    ['quarter 1', '2026-Q1'],
    ['next quarter', '2026-Q4'],
  ])('reads "%s" as the quarter %s', async (text, id) => {
    expect((await nlu.understand(`report for ${text}`, vocabulary)).entities.quarter).toBe(id);
  });

  it('reads last quarter from Q1 as the year before', async () => {
    const understood = await nlu.understand('report for last quarter', { ...vocabulary, currentQuarter: quarter(2026, 1) });
    expect(understood.entities.quarter).toBe('2025-Q4');
  });

  it('gives its next best guesses, best first, for something it is unsure of', async () => {
    const understood = await nlu.understand('risks status', vocabulary);
    expect(understood.alternatives.length).toBeGreaterThan(0);
    const scores = understood.alternatives.map((a) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
