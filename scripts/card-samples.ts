/**
 * Writes adaptive-cards/<name>.data.json: real data for each template, made by running the
 * services over the demo plan. Run after changing a template or a view: npx tsx scripts/card-samples.ts
 */
import { writeFileSync } from 'node:fs';
import { bootstrapStore } from '../src/app/bootstrap.service';
import { createServices } from '../src/app/services';
import { PlanOverviewService } from '../src/app/plan-overview.service';
import { SectionEditingService } from '../src/app/section-editing.service';
import { demoAssignments, demoPlan } from '../src/demo/demo-plan';
import { fromRoot } from '../src/paths';
import { readRosterFile } from '../src/storage/roster-file';
import { SqliteStore } from '../src/storage/sql/sql.store';
import { sampleRecorder, type CardName } from '../src/teams/cards';
import { screens } from '../src/teams/screens';
import { assignedCard, assignCard } from '../src/teams/views/work.view';
import { checkGroupCard, requirementCard } from '../src/teams/views/readiness.view';
import { noticeCard } from '../src/teams/views/notice.view';
import { noticeForError } from '../src/teams/words';
import { notificationCard } from '../src/teams/notifier';
import { riskFormCard, updateHistoryCard } from '../src/teams/views/progress.view';
import { spendSavedCard } from '../src/teams/views/spend.view';
import { DomainError } from '../src/domain/errors';
import { channelPostCard, teamWelcomeCard } from '../src/teams/views/team.view';
import { peopleCard, personCard } from '../src/teams/views/people.view';

const main = async () => {
  const clock = { now: () => new Date('2026-11-27T10:00:00Z') };
  const store = await SqliteStore.open(':memory:', clock);
  const planId = 'shropshire-2026-27';
  const roster = readRosterFile(fromRoot('config', 'roster.demo.json'));
  await bootstrapStore(store, { planId, roster, seedPlan: demoPlan, seedAssignments: demoAssignments });
  const editing = new SectionEditingService(store, planId);
  const s = screens({ ...createServices({ store, planId, clock, notifier: { notify: async () => 'sent' } }), editing });
  const samples = new Map<CardName, object>();
  sampleRecorder.record = (name, data) => {
    if (!samples.has(name)) samples.set(name, data);
  };
  const sro = roster.find((p) => p.id.endsWith('0020'))!;
  const other = roster.find((p) => p.id.endsWith('0021'))!;
  await s.help(sro);
  await s.status();
  await s.sections(sro);
  const form = await editing.open(sro, 'visionAndGoals', 1);
  await s.edit(form);
  await s.edit(await editing.openRow(sro, { section: 'visionAndGoals', step: 1, baseVersion: 1 }, 'goal-outcomes'));
  await editing.move(sro, { section: 'visionAndGoals', step: 0, baseVersion: 1 }, { 'f.vision': 'A shorter vision', 'f.goalsIntro': 'Our goals:' }, 'next');
  await s.edit(await editing.submit(sro, { section: 'visionAndGoals', step: 1, baseVersion: 1 }, {}, 'sample-1'));
  await editing.move(other, { section: 'risks', step: 0, baseVersion: 2 }, {}, 'save');
  const risks = await store.loadPlan(planId);
  const changed = structuredClone(risks!.plan);
  changed.risks.risks[0]!.residualRag = 'Green';
  await store.savePlan(planId, risks!.version, changed, { actorId: sro.id, summary: 'sample' });
  const conflict = await editing.submit(other, { section: 'risks', step: 0, baseVersion: 2 }, {}, 'sample-2');
  if (conflict.kind !== 'conflict') throw new Error(`expected a conflict, got ${conflict.kind}: ${JSON.stringify(conflict).slice(0, 300)}`);
  await s.edit(conflict);
  assignCard('engagement', roster);
  const [task] = await store.listAssignments({ planId, status: 'open' });
  assignedCard(task!, sro.name, '2026-11-27');
  await s.tasks(roster.find((p) => p.id === 'demo-louisa-jones')!);
  await s.check();
  const { snapshot, report } = await new PlanOverviewService(store, planId).readiness();
  checkGroupCard(report, 'eah', true);
  requirementCard(report, 'eah-1', snapshot.version);
  noticeCard(noticeForError(new DomainError('ROSTER.UNKNOWN_PERSON', 'x', { contacts: [{ name: sro.name, email: sro.email }] })));
  // Quarterly updates, risks and the highlight report.
  const lead = roster.find((p) => p.id.endsWith('0025'))!;
  await s.update(lead, 'ws-3', '2026-Q3');
  const services = createServices({ store, planId, clock, notifier: { notify: async () => 'sent' } });
  await services.updates.post(lead, 'ws-3', '2026-Q3', { 'status.ws-3-q3-m1': 'on-track', actual: '47%', narrative: 'Backlog down by a third.' }, 'sample-3');
  await s.report('2026-Q3');
  // Documents and actual spend.
  await s.exportPlan(sro);
  await s.reportDownload(sro, '2026-Q3');
  await s.spend(sro, '2026-Q3');
  await services.spend.save(sro, '2026-Q3', 0, { 'spend.spend-oversight.transformation': '26,000' }, 'sample-6');
  spendSavedCard(await services.spend.form(sro, '2026-Q3'), 1);
  await s.risks(sro);
  riskFormCard('rescore', services.risks.matrix('high-medium-low'), (await store.loadPlan(planId))!.plan.risks.risks[0]!);
  updateHistoryCard('Workstream 3: EHCP Timeliness', await services.updates.history('ws-3'), new Map(), (id) => id);
  notificationCard({ kind: 'update-reminder', stage: 'nudge', quarterLabel: 'Q3 (Oct–Dec 2026)', quarterId: '2026-Q3', deadline: '2027-01-07', workstreams: [{ id: 'ws-3', name: 'Workstream 3: EHCP Timeliness' }] }, { today: '2026-12-17', baseUrl: 'http://localhost:3978', userId: undefined });
  // Sign-off: the SRO's start card and a signatory's card.
  await s.signOffStart(sro);
  const round = await services.signOff.request(sro, [], 'sample-4');
  notificationCard(
    { kind: 'signoff-request', round: round.round, request: round.requests[0]!, requestedByName: sro.name, changedSince: null, reminder: false },
    { today: '2026-11-27', baseUrl: 'http://localhost:3978', userId: 'user-id-2' },
  );
  // Co-production feedback.
  const pcf = roster.find((p) => p.id.endsWith('0023'))!;
  const item = await services.feedback.submit(pcf, { theme: 'ehcp-timeliness', said: 'Parents want to know where their EHCP is without chasing.', publish: 'yes', anonymous: 'yes' }, 'sample-5');
  await s.feedbackItem(sro, item.id);
  await s.feedbackList(sro);
  // Drafting help: a suggestion card, from a stand-in model.
  const drafting = screens(createServices({ store, planId, clock, notifier: { notify: async () => 'sent' }, draftingModel: { complete: async () => ({ text: 'Shropshire’s partnership will make support for children and young people with SEND timelier and closer to home. [add the current EHCP timeliness figure]' }) } }));
  await drafting.assist(sro, { kind: 'draft-section', section: 'executiveSummary' }, 'sample-7');
  // The partnership's team: its welcome, channel posts, and the SRO's people cards.
  teamWelcomeCard({ teamName: 'Shropshire SEND Partnership', botId: '28:00000000-0000-0000-0000-000000000011', sroNames: [sro.name], confirmed: true });
  await store.recordTeamInstalled(
    { id: '19:board@thread.tacv2', name: 'SEND Partnership Board', serviceUrl: 'https://smba.trafficmanager.net/uk/', tenantId: 'tenant', channelId: '19:board@thread.tacv2', botId: '28:bot', installedBy: other.id },
    { actorId: other.id, summary: 'sample' },
    { confirmed: false },
  );
  await services.channel.postReport(sro, '2026-Q3', 'sample-8').catch(() => undefined);
  channelPostCard({ kind: 'plan-signed', version: 3, signedOn: '2026-11-27', hashPrefix: '3f2a9c0d1b4e5f60', signatories: [{ roleTitle: 'Local Authority Chief Executive (CEO)', name: 'Tanya Miles' }] });
  peopleCard(await services.people.overview(sro));
  personCard({ kind: 'existing', record: (await store.loadPersonRecord(lead.id))! }, (await store.loadPlan(planId))!.plan);
  for (const [name, data] of samples) writeFileSync(fromRoot('adaptive-cards', `${name}.data.json`), `${JSON.stringify(data, null, 2)}\n`);
  process.stdout.write(`Wrote samples for: ${[...samples.keys()].join(', ')}\n`);
  await store.close();
};

void main();
