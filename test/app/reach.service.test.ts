import type { AppInstaller } from '../../src/app/app-installer.port';
import type { PartnershipTeam, TeamDirectory, TeamMember } from '../../src/app/partnership-team.port';
import type { Store } from '../../src/app/ports';
import { ReachService } from '../../src/app/reach.service';
import { SqliteStore } from '../../src/storage/sql/sql.store';
import { ManualClock } from '../support/memory.clock';

const TEAM = { id: '19:t@thread.tacv2', name: 'Board', serviceUrl: 'https://smba.example/', tenantId: 'tenant-a', channelId: '19:t@thread.tacv2', botId: '28:bot', installedBy: null };
const member = (aad: string, tenantId: string | null = 'tenant-a'): TeamMember => ({ teamsId: `29:${aad}`, aadObjectId: aad, name: aad, email: null, tenantId });
const now = <T>(work: () => Promise<T>) => work();

describe('where a person is reached', () => {
  let store: Store;
  let clock: ManualClock;
  let reads: number;
  let opened: string[];
  let members: TeamMember[];
  const directory: TeamDirectory = {
    listMembers: async () => {
      reads++;
      return members;
    },
    openPersonalChat: async (_team: PartnershipTeam, m: TeamMember) => {
      opened.push(m.teamsId);
      return { conversation: { id: `a:${m.teamsId}` }, user: { id: m.teamsId } };
    },
    postToChannel: async () => undefined,
    referenceForChat: (conversationId, aad, team) => (team ? { conversation: { id: conversationId }, user: { id: aad }, serviceUrl: team.serviceUrl } : null),
  };
  beforeEach(async () => {
    clock = new ManualClock();
    store = await SqliteStore.open(':memory:', clock);
    reads = 0;
    opened = [];
    members = [member('anna'), member('guest', 'tenant-b')];
    await store.recordTeamInstalled(TEAM, { actorId: 'x', summary: 'installed' }, { confirmed: true });
  });
  afterEach(() => store.close());

  it.each([
    ['their own chat comes first', 'own', { reference: { conversation: { id: 'a:own' } } }, 0],
    ['a team member who never wrote: a chat opened once, and kept', 'anna', { reference: { conversation: { id: 'a:29:anna' }, user: { id: '29:anna' } } }, 1],
    ['a member in a tenant the bot does not serve', 'guest', { reason: 'wrong-tenant' }, 0],
    ['someone in no team who never wrote', 'nobody', { reason: 'no-conversation' }, 0],
  ])('%s', async (_what, person, found, chats) => {
    await store.saveConversation('own', { conversation: { id: 'a:own' } });
    const reach = new ReachService(store, directory, clock, { allowedTenantIds: ['tenant-a'] });
    expect(await reach.conversationFor(person, now)).toEqual(found);
    expect(opened).toHaveLength(chats);
    if (chats) {
      expect(await store.loadConversation(person)).toEqual((found as { reference: unknown }).reference);
      await reach.conversationFor(person, now);
      expect(opened).toHaveLength(1);
    }
  });

  it('reads a team’s roster once a minute at most, however many people it looks for', async () => {
    const reach = new ReachService(store, directory, clock, { allowedTenantIds: [] });
    await reach.conversationFor('nobody', now);
    await reach.conversationFor('nobody-else', now);
    expect(reads).toBe(1);
    clock.advance(61_000);
    await reach.conversationFor('nobody', now);
    expect(reads).toBe(2);
  });

  it('a roster read that failed is not kept: the next one asks Teams again', async () => {
    const failing: TeamDirectory = { ...directory, listMembers: async () => { reads++; throw Object.assign(new Error('busy'), { statusCode: 503 }); } };
    const reach = new ReachService(store, failing, clock, { allowedTenantIds: [] });
    await expect(reach.conversationFor('anna', now)).rejects.toMatchObject({ statusCode: 503 });
    await expect(reach.conversationFor('anna', now)).rejects.toMatchObject({ statusCode: 503 });
    expect(reads).toBe(2);
  });

  it('someone outside the team is installed for through Graph where allowed, and the chat it made is kept', async () => {
    const installs: string[] = [];
    const installer: AppInstaller = { installFor: async (id) => (installs.push(id), id === 'outsider' ? { kind: 'installed', conversationId: 'a:graph-chat' } : { kind: 'refused', reason: 'not-permitted' }) };
    const reach = new ReachService(store, directory, clock, { allowedTenantIds: [], installer });
    expect(await reach.conversationFor('outsider', now)).toEqual({ reference: { conversation: { id: 'a:graph-chat' }, user: { id: 'outsider' }, serviceUrl: 'https://smba.example/' } });
    expect(await store.loadConversation('outsider')).toEqual({ conversation: { id: 'a:graph-chat' }, user: { id: 'outsider' }, serviceUrl: 'https://smba.example/' });
    expect(await reach.conversationFor('refused', now)).toEqual({ reason: 'no-conversation' });
    expect(installs).toEqual(['outsider', 'refused']);
  });
});
