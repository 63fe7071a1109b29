import { CONFIDENT, decide, READ_FOR_QUESTION, weigh, type Situation } from '../../../src/app/understanding/intent-decision';
import type { IntentName, Understood } from '../../../src/app/understanding.port';

const nobody: Situation = { roles: ['viewer'], signOffWaiting: false, updateDue: false, tasksWaiting: false };
const signatoryWaiting: Situation = { roles: ['signatory'], signOffWaiting: true, updateDue: false, tasksWaiting: false };
const leadDue: Situation = { roles: ['workstream-lead'], signOffWaiting: false, updateDue: true, tasksWaiting: false };
const sro: Situation = { roles: ['sro'], signOffWaiting: false, updateDue: false, tasksWaiting: false };

const read = (ranked: [IntentName, number][], extra: Partial<Understood> = {}): Understood => ({
  intent: ranked[0]![0],
  score: ranked[0]![1],
  alternatives: ranked.slice(1).map(([intent, score]) => ({ intent, score })),
  entities: {},
  question: false,
  toSee: false,
  ...extra,
});

describe('the first answer to a typed message', () => {
  it.each([
    ['a signatory with a request waiting means their own card', read([['signoff.status', 0.4], ['signoff.approve', 0.3]]), signatoryWaiting, 'signoff.approve'],
    ['someone who signs nothing does not get the approve card', read([['signoff.approve', 0.4], ['check', 0.3]]), nobody, 'check'],
    ['a lead with an update due means their update', read([['report', 0.4], ['update', 0.3]]), leadDue, 'update'],
    ['the SRO asking to get someone writing means assigning', read([['section.open', 0.4], ['assign', 0.3]]), sro, 'assign'],
    ['a viewer asking the same opens the section', read([['section.open', 0.4], ['assign', 0.3]]), nobody, 'section.open'],
  ])('%s', (_why, understood, situation, intent) => {
    expect(decide(understood, situation)).toMatchObject({ kind: 'open', intent });
  });

  it.each(Object.entries(READ_FOR_QUESTION))('a question read as %s opens %s instead, never the form that writes', (write, readIntent) => {
    const understood = read([[write as IntentName, 0.9], ['help', 0.1]], { question: true });
    expect(decide(understood, sro)).toMatchObject({ kind: 'open', intent: readIntent });
  });

  it.each([
    ['signoff.start', 'signoff.status'],
    ['feedback.give', 'feedback.list'],
    ['signoff.approve', 'signoff.approve'],
  ] as const)('asking to see something read as %s opens %s', (asked, opened) => {
    expect(decide(read([[asked, 0.9], ['help', 0.1]], { toSee: true }), signatoryWaiting)).toMatchObject({ kind: 'open', intent: opened });
  });

  it('naming an errand the bot cannot do ("book a call") makes "I can’t do that" likelier', () => {
    const understood = read([['signoff.start', 0.5], ['outofscope', 0.4]], { entities: { errand: 'meeting' }, asksErrand: true });
    expect(decide(understood, sro)).toMatchObject({ kind: 'open', intent: 'outofscope' });
  });

  it('telling it about an errand ("parents say nobody answers their e-mails") is not asking for one', () => {
    const understood = read([['feedback.give', 0.5], ['outofscope', 0.4]], { entities: { errand: 'email' }, asksErrand: false });
    expect(decide(understood, sro)).toMatchObject({ kind: 'open', intent: 'feedback.give' });
  });

  it.each([
    ['unsure: the best guesses, best first', read([['status', CONFIDENT - 0.05], ['check', CONFIDENT - 0.1], ['help', 0.15]]), { kind: 'guess', guesses: ['status', 'check'] }],
    ['nothing read at all: what this person can do', { ...read([['status', 0]]), intent: 'none' as const, score: 0, alternatives: [] }, { kind: 'unknown' }],
  ])('%s', (_why, understood, expected) => {
    expect(decide(understood as Understood, nobody)).toMatchObject(expected);
  });

  it('weighs into probabilities that never sum to more than one', () => {
    const ranked = weigh(read([['signoff.approve', 0.6], ['signoff.decline', 0.3], ['status', 0.1]]), signatoryWaiting);
    expect(ranked.reduce((a, r) => a + r.score, 0)).toBeCloseTo(1);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
  });
});
