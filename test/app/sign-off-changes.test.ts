import type { AuditEntry, SignOffRound } from '../../src/app/ports';
import { changesBetween, MAX_CHANGES, roundContext } from '../../src/app/sign-off-changes';

let id = 0;
const entry = (version: number | null, key: string, before: unknown, after: unknown): AuditEntry => ({
  id: ++id,
  planId: 'p',
  version,
  at: '2026-11-27T10:00:00.000Z',
  actorId: 'a',
  summary: 's',
  action: before === null ? 'create' : after === null ? 'delete' : 'update',
  key,
  kind: key.includes('/') ? 'risks' : 'section',
  before,
  after,
});
const round = (rid: string, planVersion: number, status: SignOffRound['status'] = 'open'): SignOffRound => ({
  id: rid,
  planId: 'p',
  planVersion,
  planHash: 'h',
  token: 't',
  requestedBy: 'sro',
  requestedAt: '2026-11-27T10:00:00.000Z',
  status,
  closedAt: null,
  closeReason: status === 'voided' ? 'The plan changed to version 3' : null,
});

describe('what changed between two rounds', () => {
  it.each([
    ['a short field: before and after', [entry(2, 'header', { sroName: 'A' }, { sroName: 'B' })], [{ section: 'Partnership and SRO', what: 'SRO name', kind: 'changed', before: 'A', after: 'B' }]],
    ['a long field: named only', [entry(2, 'executiveSummary', { changeStory: 'x'.repeat(121) }, { changeStory: 'y' })], [{ section: 'Executive summary', what: 'Change story', kind: 'changed', long: true }]],
    ['a list or table value: named, not called long', [entry(2, 'risks/r-1', { id: 'r-1', description: 'Risk', owner: { kind: 'sro' } }, { id: 'r-1', description: 'Risk', owner: { kind: 'workstream', id: 'ws-2' } })], [{ section: 'Q10 Risks', what: 'Risk: Owner', kind: 'changed', long: false }]],
    ['a row with no name: never its id', [entry(2, 'deliveryPlan/spend-oversight', { id: 'spend-oversight', category: 'Oversight', amounts: { Q2: 1 } }, { id: 'spend-oversight', category: 'Oversight', amounts: { Q2: 2 } })], [{ section: 'Q6 First-year delivery plan', what: 'Oversight: Amounts', kind: 'changed', long: false }]],
    ['a row with nothing to call it by: "a row"', [entry(2, 'deliveryPlan/x-1', { id: 'x-1', amounts: 1 }, { id: 'x-1', amounts: 2 })], [{ section: 'Q6 First-year delivery plan', what: 'a row: Amounts', kind: 'changed', before: '1', after: '2' }]],
    ['a row added', [entry(2, 'risks/r-9', null, { id: 'r-9', description: 'New risk' })], [{ section: 'Q10 Risks', what: 'New risk', kind: 'added' }]],
    ['a row removed', [entry(3, 'risks/r-1', { id: 'r-1', description: 'Old risk' }, null)], [{ section: 'Q10 Risks', what: 'Old risk', kind: 'removed' }]],
    ['a row field, named with its row', [entry(2, 'risks/r-1', { id: 'r-1', description: 'Risk', rag: 'Red' }, { id: 'r-1', description: 'Risk', rag: 'Amber' })], [{ section: 'Q10 Risks', what: 'Risk: RAG', kind: 'changed', before: 'Red', after: 'Amber' }]],
    ['changed and changed back: nothing', [entry(2, 'header', { sroName: 'A' }, { sroName: 'B' }), entry(3, 'header', { sroName: 'B' }, { sroName: 'A' })], []],
    ['two edits: the first before and the last after', [entry(2, 'header', { sroName: 'A' }, { sroName: 'B' }), entry(3, 'header', { sroName: 'B' }, { sroName: 'C' })], [{ section: 'Partnership and SRO', what: 'SRO name', kind: 'changed', before: 'A', after: 'C' }]],
    ['outside the versions, sign-off records and the roster: ignored', [entry(1, 'header', { sroName: 'A' }, { sroName: 'B' }), entry(4, 'header', { sroName: 'B' }, { sroName: 'C' }), entry(2, 'signoff/round-1', null, {}), entry(null, 'people/x', null, {})], []],
  ])('%s', (_name, entries, expected) => {
    expect(changesBetween(entries, 1, 3)).toEqual(expected);
  });

  it(`lists at most ${MAX_CHANGES} changes and counts the rest`, () => {
    const entries = Array.from({ length: MAX_CHANGES + 3 }, (_, i) => entry(2, `risks/r-${i}`, null, { id: `r-${i}`, description: `Risk ${i}` }));
    const context = roundContext(round('r2', 2), [round('r1', 1, 'voided'), round('r2', 2)], round('r1', 1, 'voided'), [], entries);
    expect(context).toMatchObject({ number: 2, previous: { number: 1, planVersion: 1, outcome: { kind: 'voided', reason: 'The plan changed to version 3' } }, more: 3 });
    expect(context.changes).toHaveLength(MAX_CHANGES);
  });

  it('the first round has nothing before it', () => {
    expect(roundContext(round('r1', 1), [], null, [], [])).toEqual({ number: 1, previous: null, changes: [], more: 0 });
  });
});
