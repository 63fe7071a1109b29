import type { PeopleOverview, PersonToEdit } from '../../app/people.service';
import { button } from './progress.view';
import { choicesOf, PLAIN_ROLES, type RoleChoices } from '../../domain/role-grants';
import { ROLE_LABELS } from '../../domain/people.schema';
import { REQUIRED_SIGNATORY_ROLES, type Plan } from '../../domain/plan.schema';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { rolesText } from '../words';

/** How many people one card lists; the rest are a "More" away. */
export const PEOPLE_PAGE = 20;


/** Who may use the bot, each with their roles: the SRO's to change, from Teams. */
export const peopleCard = (overview: PeopleOverview, notice: { style: string; text: string } | null = null, page = 0, whoError = ''): AdaptiveCardJson => {
  const pages = Math.max(1, Math.ceil(overview.records.length / PEOPLE_PAGE));
  const at = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const shown = overview.records.slice(at * PEOPLE_PAGE, (at + 1) * PEOPLE_PAGE);
  const canEdit = !overview.managedByFile;
  const team = overview.team;
  const subtitle = [
    `${overview.records.length} ${overview.records.length === 1 ? 'person' : 'people'} may use the bot${pages > 1 ? ` (page ${at + 1} of ${pages})` : ''}.`,
    overview.managedByFile
      ? 'Your administrator keeps this list in a file (ROSTER_SYNC=replace), so it is changed there, not here.'
      : team
        ? `I reach members of ${team.name} in a 1:1 chat even if they have never opened me.`
        : 'Add the app to the partnership’s team in Teams so that I can reach its members and you can choose them here.',
    overview.candidates === null ? `I could not read the members of ${team?.name ?? 'the team'} just now; try again shortly.` : '',
  ].filter(Boolean).join(' ');
  return renderCard('people', {
    subtitle,
    noticeText: notice?.text ?? '',
    noticeStyle: notice?.style ?? 'default',
    canAdd: canEdit,
    teamName: team?.name ?? 'the team',
    members: (overview.candidates ?? []).slice(0, 100).map((m) => ({ title: m.email ? `${m.name} (${m.email})` : m.name, value: m.aadObjectId })),
    whoError,
    pending: canEdit ? overview.pending.map((t) => ({ title: `Use ${t.name} as the partnership’s team`, verb: VERBS.teamConfirm, data: { verb: VERBS.teamConfirm, team: t.id } })) : [],
    pendingText: overview.pending.length
      ? `The app was added to ${overview.pending.map((t) => t.name).join(', ')} by someone who is not the SRO. Confirm it is the partnership’s team before I reach its members or post there.`
      : '',
    rows: shown.map((r) => ({ name: r.person.name, roles: rolesText(r.person), canEdit, verb: VERBS.personForm, data: { verb: VERBS.personForm, person: r.person.id } })),
    verbs: { add: VERBS.personAdd },
    actions: [
      ...(at > 0 ? [button('Previous', VERBS.people, { page: at - 1 })] : []),
      ...(at < pages - 1 ? [button(`More (${at + 2} of ${pages})`, VERBS.people, { page: at + 1 })] : []),
    ],
  });
};

const ROLE_CHOICE_TITLES: Record<(typeof PLAIN_ROLES)[number], string> = {
  sro: `${ROLE_LABELS.sro} (SRO): owns the plan record, assigns sections, sends it for sign-off`,
  'pcf-rep': `${ROLE_LABELS['pcf-rep']}: sends co-production feedback`,
  'cyp-rep': ROLE_LABELS['cyp-rep'],
  contributor: `${ROLE_LABELS.contributor}: fills in sections`,
  viewer: `${ROLE_LABELS.viewer}: reads the plan, changes nothing`,
};

/**
 * One person's roles, to give or take: someone on the roster (at the version shown) or a member of
 * the team to add. The card carries their id and version only; what they are called comes from the
 * roster or the team.
 */
export const personCard = (
  target: PersonToEdit,
  plan: Plan | null,
  problem: { message: string; fields: Record<string, string>; typed?: Readonly<Record<string, unknown>> } | null = null,
): AdaptiveCardJson => {
  const isNew = target.kind === 'new';
  const name = isNew ? target.member.name : target.record.person.name;
  const current: RoleChoices = isNew ? { plain: [], signatoryRole: null, workstreams: [] } : choicesOf(target.record.person);
  const typed = (key: string, fallback: string) => (problem?.typed && typeof problem.typed[key] === 'string' ? (problem.typed[key] as string) : fallback);
  return renderCard('person', {
    title: isNew ? `Add ${name}` : `${name}: roles`,
    subtitle: isNew
      ? `${target.member.email ?? 'No email in Teams'}. Choose what they may do; they can use the bot as soon as you save.`
      : `${target.record.person.email ?? 'No email on the roster'}. Changes apply at once; the change is recorded with your name.`,
    noticeText: problem?.message ?? '',
    roles: typed('roles', current.plain.join(',')),
    roleChoices: PLAIN_ROLES.map((r) => ({ title: ROLE_CHOICE_TITLES[r], value: r })),
    rolesError: problem?.fields.roles ?? '',
    signatoryRole: typed('signatoryRole', current.signatoryRole ?? 'none'),
    signatoryChoices: [{ title: 'Does not sign', value: 'none' }, ...REQUIRED_SIGNATORY_ROLES.map((r) => ({ title: r.title, value: r.id })), { title: 'Co-signer (optional)', value: 'co-signer' }],
    workstreams: typed('workstreams', current.workstreams.join(',')),
    workstreamChoices: (plan?.deliveryPlan.workstreams ?? []).map((w) => ({ title: `Workstream ${w.code}: ${w.name}`, value: w.id })),
    workstreamsError: problem?.fields.workstreams ?? problem?.fields.signatoryRole ?? '',
    saveTitle: isNew ? `Add ${name}` : 'Save roles',
    person: isNew ? target.member.aadObjectId : target.record.person.id,
    version: isNew ? 0 : target.record.version,
    verbs: { save: VERBS.personSave, remove: VERBS.personRemove, people: VERBS.people },
  });
};
