import { bootstrapStore } from '../../src/app/bootstrap.service';
import type { Store } from '../../src/app/ports';
import type { Person } from '../../src/domain/people.schema';
import { SqliteStore } from '../../src/storage/sql/sql.store';
import { ManualClock } from '../support/memory.clock';

const SRO: Person = { id: 'natasha', name: 'Natasha Moody', email: null, roles: [{ role: 'sro' }] };
const ANNIE: Person = { id: 'annie', name: 'Annie Williams', email: null, roles: [{ role: 'workstream-lead', workstreams: ['ws-3'] }] };
const ROBIN: Person = { id: 'robin', name: 'Robin Newman', email: null, roles: [{ role: 'viewer' }] };
const FILE = [ANNIE, SRO];

describe('the roster file at start', () => {
  let store: Store;
  beforeEach(async () => {
    store = await SqliteStore.open(':memory:', new ManualClock());
  });
  afterEach(() => store.close());
  const start = (sync: 'seed' | 'replace', roster = FILE) => bootstrapStore(store, { planId: 'p', roster, rosterSync: sync });
  const ids = async () => (await store.listPeople()).map((p) => p.id);

  it('seed: adds the people it names (the SRO first), then leaves alone what the SRO changed in Teams', async () => {
    expect((await start('seed')).roster).toEqual({ added: 2, changed: 0, removed: 0, notInFile: 0 });
    await store.savePerson(ROBIN, 0, { actorId: 'natasha', summary: 'added in Teams' });
    await store.removePerson('annie', 1, { actorId: 'natasha', summary: 'removed in Teams' });
    // A restart: Annie, removed in Teams, is not brought back; Robin, added in Teams, stays.
    expect((await start('seed')).roster).toEqual({ added: 0, changed: 0, removed: 0, notInFile: 1 });
    expect(await ids()).toEqual(['natasha', 'robin']);
  });

  it('replace: the file is the roster at every start', async () => {
    await start('replace');
    await store.savePerson(ROBIN, 0, { actorId: 'natasha', summary: 'added in Teams' });
    expect((await start('replace')).roster).toEqual({ added: 0, changed: 0, removed: 1, notInFile: 0 });
    expect(await ids()).toEqual(['annie', 'natasha']);
  });

  it('a production roster naming only the SRO is enough to start', async () => {
    await start('seed', [SRO]);
    expect(await ids()).toEqual(['natasha']);
  });
});

describe('the plan at start', () => {
  let store: Store;
  beforeEach(async () => {
    store = await SqliteStore.open(':memory:', new ManualClock());
  });
  afterEach(() => store.close());

  it('an empty database without the demo gets Annex A with nothing filled in, once: the template’s rows, every answer missing', async () => {
    expect(await bootstrapStore(store, { planId: 'p', roster: [SRO] })).toMatchObject({ created: 'blank', planVersion: 1 });
    const plan = (await store.loadPlan('p'))!.plan;
    expect(plan.threeYearPicture.blueprint.map((r) => r.buildingBlock ?? r.kind)).toEqual(['inclusion-in-settings', 'specialist-support', 'leadership-and-co-production', 'inclusive-culture', 'enablers']);
    expect(plan.roadmap.years).toEqual(['2026/27', '2027/28', '2028/29']);
    expect([plan.header.localAuthority, plan.executiveSummary.changeStory, plan.deliveryPlan.workstreams.length, plan.signatories.length]).toEqual([null, null, 0, 0]);
    expect((await store.listAudit('p', { sinceVersion: 0 }))[0]?.summary).toBe('A blank plan (Annex A) started in an empty database');
    // A restart finds it and leaves it alone.
    expect(await bootstrapStore(store, { planId: 'p', roster: [SRO] })).toMatchObject({ created: null, planVersion: 1 });
  });
});
