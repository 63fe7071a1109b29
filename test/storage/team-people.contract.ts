import type { Store } from '../../src/app/ports';
import type { TeamInstall } from '../../src/app/partnership-team.port';
import { isDomainError } from '../../src/domain/errors';
import type { Person } from '../../src/domain/people.schema';
import type { ManualClock } from '../support/memory.clock';

const sro = (id: string, name: string): Person => ({ id, name, email: null, roles: [{ role: 'sro' }] });
const lead = (id: string, name: string): Person => ({ id, name, email: null, roles: [{ role: 'workstream-lead', workstreams: ['ws-1'] }] });
const meta = (requestId?: string) => ({ actorId: 'natasha', summary: 'Natasha changes people', requestId });
const TEAM: TeamInstall = { id: '19:team@thread.tacv2', name: 'Partnership board', serviceUrl: 'https://smba.example/teams/', tenantId: 'tenant-1', channelId: '19:team@thread.tacv2', botId: '28:bot', installedBy: 'natasha' };

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: unknown) => (isDomainError(e) ? e.code : String(e)),
  );

/** People changed one at a time from Teams, and the teams the app is installed in: the same on every engine. */
export const describeTeamAndPeopleContract = (harness: () => { store: Store; clock: ManualClock }) => {
  const store = () => harness().store;

  describe('people managed from Teams', () => {
    it('adds at version 0, changes at the version shown, and refuses a stale card without changing anything', async () => {
      const { record } = await store().savePerson(sro('natasha', 'Natasha Moody'), 0, meta());
      expect(record).toEqual({ person: sro('natasha', 'Natasha Moody'), version: 1 });
      await store().savePerson(lead('annie', 'Annie Williams'), 0, meta());
      const changed = await store().savePerson({ ...lead('annie', 'Annie Williams'), roles: [{ role: 'workstream-lead', workstreams: ['ws-1', 'ws-3'] }] }, 1, meta());
      expect(changed.record?.version).toBe(2);
      expect(await codeOf(store().savePerson(lead('annie', 'Annie Williams'), 1, meta()))).toBe('ROSTER.STALE_VERSION');
      expect(await codeOf(store().savePerson(lead('annie', 'Annie Williams'), 0, meta()))).toBe('ROSTER.STALE_VERSION');
      expect((await store().findPerson('annie'))?.roles).toEqual([{ role: 'workstream-lead', workstreams: ['ws-1', 'ws-3'] }]);
      expect((await store().listPersonRecords()).map((r) => [r.person.id, r.version])).toEqual([
        ['annie', 2],
        ['natasha', 1],
      ]);
    });

    it('a retried request changes nothing the second time, and is audited once with who made it', async () => {
      await store().savePerson(sro('natasha', 'Natasha Moody'), 0, meta());
      await store().savePerson(lead('annie', 'Annie Williams'), 0, meta('add-annie'));
      const again = await store().savePerson(lead('annie', 'Annie Williams'), 0, meta('add-annie'));
      expect(again).toEqual({ record: { person: lead('annie', 'Annie Williams'), version: 1 }, replayed: true });
      const audit = (await store().listAudit(null)).filter((e) => e.key === 'annie');
      expect(audit).toEqual([expect.objectContaining({ action: 'create', actorId: 'natasha', kind: 'person', before: null, after: lead('annie', 'Annie Williams') })]);
      await store().removePerson('annie', 1, meta('remove-annie'));
      expect(await store().removePerson('annie', 1, meta('remove-annie'))).toEqual({ replayed: true });
      expect(await store().findPerson('annie')).toBeNull();
    });

    it.each([
      ['removing the last SRO', async (s: Store) => s.removePerson('natasha', 1, meta())],
      ['taking the SRO role from the last SRO', async (s: Store) => s.savePerson(lead('natasha', 'Natasha Moody'), 1, meta())],
    ])('refuses %s (ROSTER.LAST_SRO), and allows it once another SRO is there', async (_what, change) => {
      await store().savePerson(sro('natasha', 'Natasha Moody'), 0, meta());
      expect(await codeOf(change(store()))).toBe('ROSTER.LAST_SRO');
      expect(await store().findPerson('natasha')).toEqual(sro('natasha', 'Natasha Moody'));
      await store().savePerson(sro('david', 'David Shaw'), 0, meta());
      expect(await codeOf(change(store()))).toBe('no error');
    });

    it('a removed person keeps their version: added again, a card from before the removal is stale, and they are listed as removed', async () => {
      await store().savePerson(sro('natasha', 'Natasha Moody'), 0, meta());
      await store().savePerson(lead('annie', 'Annie Williams'), 0, meta());
      await store().removePerson('annie', 1, meta());
      expect(await store().removedPersonIds()).toEqual(['annie']);
      expect(await store().loadPersonRecord('annie')).toBeNull();
      expect((await store().savePerson(lead('annie', 'Annie Williams'), 0, meta())).record?.version).toBe(3);
      expect(await codeOf(store().removePerson('annie', 1, meta()))).toBe('ROSTER.STALE_VERSION');
      expect(await store().removedPersonIds()).toEqual([]);
    });

    it('an actor who is no longer SRO when the change is made is refused, however the card was opened', async () => {
      await store().savePerson(sro('natasha', 'Natasha Moody'), 0, meta());
      await store().savePerson(sro('david', 'David Shaw'), 0, meta());
      await store().savePerson(lead('david', 'David Shaw'), 1, { actorId: 'natasha', summary: 'demote' }, { actorMustBeSro: true });
      expect(await codeOf(store().savePerson(sro('annie', 'Annie Williams'), 0, { actorId: 'david', summary: 'promote' }, { actorMustBeSro: true }))).toBe('AUTH.FORBIDDEN');
      expect(await store().findPerson('annie')).toBeNull();
    });

    it('a roster file replacing the roster moves each changed person to a new version, so an older card is refused', async () => {
      await store().replaceRoster([sro('natasha', 'Natasha Moody'), lead('annie', 'Annie Williams')], meta());
      await store().replaceRoster([sro('natasha', 'Natasha Moody'), { ...lead('annie', 'Annie Williams'), name: 'Annie Williams-Jones' }], meta());
      expect((await store().loadPersonRecord('annie'))?.version).toBe(2);
      expect((await store().loadPersonRecord('natasha'))?.version).toBe(1);
    });
  });

  describe('the partnership team and 1:1 chats', () => {
    const SRO_ADDED = { confirmed: true };
    const OTHER_ADDED = { confirmed: false };

    it('keeps a team once: the first install welcomes, the same install seen again does not, a removal and a new install do', async () => {
      expect((await store().recordTeamInstalled(TEAM, meta(), SRO_ADDED)).welcome).toBe(true);
      expect((await store().recordTeamInstalled({ ...TEAM, serviceUrl: 'https://smba.example/emea/' }, meta(), OTHER_ADDED)).welcome).toBe(false);
      expect(await store().listTeams()).toEqual([expect.objectContaining({ id: TEAM.id, serviceUrl: 'https://smba.example/emea/', status: 'installed', botId: '28:bot', confirmedBy: 'natasha' })]);
      expect(await store().recordTeamRemoved(TEAM.id, meta())).toBe(true);
      expect(await store().recordTeamRemoved(TEAM.id, meta())).toBe(false);
      expect(await store().listTeams()).toEqual([]);
      expect(await store().listTeams({ include: ['removed'] })).toEqual([expect.objectContaining({ status: 'removed', removedAt: harness().clock.now().toISOString() })]);
      expect((await store().recordTeamInstalled(TEAM, meta(), SRO_ADDED)).welcome).toBe(true);
      expect((await store().listAudit(null)).filter((e) => e.kind === 'team').map((e) => e.action)).toEqual(['update', 'update', 'create']);
    });

    it('a team added by someone who is not the SRO waits, unused, until the SRO confirms it; confirming twice changes nothing', async () => {
      const { team, welcome } = await store().recordTeamInstalled(TEAM, meta(), OTHER_ADDED);
      expect({ status: team.status, welcome }).toEqual({ status: 'pending', welcome: true });
      expect(await store().listTeams()).toEqual([]);
      expect(await store().listTeams({ include: ['pending'] })).toHaveLength(1);
      expect((await store().confirmTeam(TEAM.id, { actorId: 'david', summary: 'confirmed' }))?.status).toBe('installed');
      expect((await store().confirmTeam(TEAM.id, { actorId: 'someone-else', summary: 'confirmed' }))?.confirmedBy).toBe('david');
      expect(await store().listTeams()).toEqual([expect.objectContaining({ status: 'installed', confirmedBy: 'david' })]);
      expect(await store().confirmTeam('19:no-such@thread.tacv2', meta())).toBeNull();
    });

    it('two install events at once give one welcome between them', async () => {
      const both = await Promise.all([store().recordTeamInstalled(TEAM, meta(), SRO_ADDED), store().recordTeamInstalled(TEAM, meta(), SRO_ADDED)]);
      expect(both.filter((r) => r.welcome)).toHaveLength(1);
    });

    it('a chat the person removed the app from is not used until they write again', async () => {
      await store().saveConversation('annie', { conversation: { id: 'a:1' } });
      await store().markConversationRemoved('annie');
      expect(await store().loadConversation('annie')).toBeNull();
      expect(await store().loadConversationRecord('annie')).toEqual({ reference: { conversation: { id: 'a:1' } }, removedAt: harness().clock.now().toISOString() });
      await store().saveConversation('annie', { conversation: { id: 'a:1' } });
      expect(await store().loadConversation('annie')).toEqual({ conversation: { id: 'a:1' } });
    });

    it('a channel post is claimed once per request; a failed one may be tried again by the same request', async () => {
      const post = { id: 'channel:req-1', teamId: TEAM.id, kind: 'highlight-report' as const, postedBy: 'natasha' };
      expect(await store().claimChannelPost(post)).toBe('claimed');
      expect(await store().claimChannelPost(post)).toBe('sending');
      await store().markChannelPost(post.id, { status: 'failed', error: 'HTTP 502' });
      expect(await store().claimChannelPost(post)).toBe('claimed');
      await store().markChannelPost(post.id, { status: 'sent' });
      expect(await store().claimChannelPost(post)).toBe('sent');
    });
  });
};
