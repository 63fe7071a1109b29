import type { SignOffRequest, SignOffRound } from '../../app/ports';
import type { RoundChange, RoundContext } from '../../app/sign-off-changes';
import { reachKey, roleTitle, type Reach, type RequestResult, type SignOffOverview, type SignOffPreparation } from '../../app/sign-off.service';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { dateWords, REACH_WORDS } from '../words';
import type { NotReachedReason } from '../../app/reach';
import { listCard, type ListRow } from './progress.view';
import { threadRows } from './sign-off-questions.view';

export const documentUrl = (baseUrl: string, round: SignOffRound) => `${baseUrl.replace(/\/$/, '')}/signoff/${round.token}/plan.md`;

const STATE: Record<SignOffRequest['state'], { text: string; colour: string }> = {
  pending: { text: 'Waiting', colour: 'Warning' },
  signed: { text: 'Signed', colour: 'Good' },
  declined: { text: 'Declined', colour: 'Attention' },
  voided: { text: 'No longer valid', colour: 'Default' },
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const outcomeWords = (outcome: NonNullable<RoundContext['previous']>['outcome']): string => {
  switch (outcome.kind) {
    case 'declined':
      return `declined by ${outcome.names.join(' and ')}`;
    case 'voided':
      return `no longer counts (${lowerFirst(outcome.reason ?? 'it was closed')})`;
    case 'signed':
      return 'was signed off';
    case 'open':
      return 'is replaced by this round';
  }
};

const changeLine = (c: RoundChange): string =>
  c.kind === 'added'
    ? `- ${c.section}: added ${c.what}`
    : c.kind === 'removed'
      ? `- ${c.section}: removed ${c.what}`
      : c.before !== undefined && c.after !== undefined
        ? `- ${c.section}: ${c.what} changed from “${c.before}” to “${c.after}”`
        : c.long
          ? `- ${c.section}: ${c.what} changed (too long to show here: read the plan as sent)`
          : `- ${c.section}: ${c.what} changed: read the plan as sent`;

/** Which round this is and, from the second on, what happened to the last one and what changed since. */
export const roundWords = (context: RoundContext): { changes: string; changeLines: string[] } => {
  const p = context.previous;
  if (!p) return { changes: `Round ${context.number} for sign-off. This is the first version sent for sign-off.`, changeLines: [] };
  const changes = `Round ${context.number} for sign-off. Version ${p.planVersion} was sent in round ${p.number} on ${dateWords(p.requestedAt)} and ${outcomeWords(p.outcome)}.`;
  if (!context.changes.length) return { changes: `${changes} Nothing in the plan has changed since round ${p.number}.`, changeLines: [] };
  return {
    changes: `${changes} Changed since round ${p.number}:`,
    changeLines: [...context.changes.map(changeLine), ...(context.more ? [`…and ${context.more} more changes: read the plan as sent.`] : [])],
  };
};

/**
 * The card a signatory gets. With `canAct` it carries the buttons; everyone else, and the
 * signatory once they have answered, sees the status only.
 */
export const signOffCard = (input: {
  round: SignOffRound;
  request: SignOffRequest;
  requestedByName: string;
  changedSince: readonly string[] | null;
  context?: RoundContext | null;
  baseUrl: string;
  userIds: readonly string[];
  canAct: boolean;
  reminder?: boolean;
  notice?: string;
  /** Why what they sent was refused, shown by the box they typed in; `typed` is put back in it. */
  error?: string;
  typed?: string;
  /** Their questions about this round and the answers, as lines. */
  thread?: readonly string[];
}): AdaptiveCardJson => {
  const { round, request } = input;
  const open = round.status === 'open';
  const state = open ? STATE[request.state] : round.status === 'signed' ? { text: 'Signed off', colour: 'Good' } : STATE.voided;
  const act = input.canAct && open && request.state === 'pending';
  return renderCard('signoff', {
    round: round.id,
    role: request.role,
    person: request.personId,
    version: round.planVersion,
    userIds: input.userIds,
    style: input.reminder ? 'warning' : 'emphasis',
    title: `${input.reminder ? 'Reminder: please' : 'Please'} sign off the Local SEND Reform Plan, version ${round.planVersion}`,
    subtitle: `Requested by ${input.requestedByName} on ${dateWords(round.requestedAt)}. ${request.name} signs as ${roleTitle(request.role)}.`,
    ...(input.context
      ? roundWords(input.context)
      : {
          changes: input.changedSince === null ? 'This is the first version sent for sign-off.' : input.changedSince.length ? `Changed since the last signed version: ${input.changedSince.join(', ')}.` : 'Nothing in the plan has changed since the last signed version.',
          changeLines: [],
        }),
    fingerprint: `Your signature refers to exactly this text: SHA-256 ${round.planHash.slice(0, 16)}…`,
    statusText: input.notice ?? `${request.name}: ${state.text}${request.decidedAt ? ` on ${dateWords(request.decidedAt)}` : ''}${request.reason ? ` – ${request.reason}` : ''}`,
    statusColour: state.colour,
    canAct: act,
    error: input.error ?? '',
    thread: input.thread ?? [],
    typed: (input.typed ?? '').slice(0, 2000),
    documentUrl: documentUrl(input.baseUrl, round),
    buttons: act
      ? [
          { title: 'Approve', verb: VERBS.signoffApprove, style: 'positive' },
          { title: 'Decline', verb: VERBS.signoffDecline, style: 'destructive' },
          { title: 'Ask a question', verb: VERBS.signoffQuestion, style: 'default' },
        ]
      : [],
    verbs: { refresh: VERBS.signoffRefresh },
  });
};

export const signOffStartCard = (prep: SignOffPreparation): AdaptiveCardJson => {
  const failing = prep.readiness.rules.filter((r) => !r.passed).map((r) => `${r.title}: ${r.detail}`);
  const c = prep.readiness.counts;
  const openRequirements = c['not-assessed'] + c['not-met'] + c['partly-met'];
  const warnings = [...failing, ...(openRequirements ? [`${openRequirements} of the 41 core minimum requirements are not yet assessed as met.`] : [])];
  return renderCard('signoff-start', {
    version: prep.snapshot.version,
    readinessStyle: warnings.length ? 'warning' : 'good',
    readinessTitle: warnings.length ? 'Before you send it: readiness is not complete (you can still send it)' : 'Readiness: every rule passes and every requirement is met.',
    warnings,
    signatories: prep.signatories.map((s) => ({
      role: roleTitle(s.role),
      who: s.person ? s.person.name : 'Nobody on the roster',
      colour: s.person ? 'Default' : 'Attention',
    })),
    currentText: prep.current?.round.status === 'open' ? `Version ${prep.current.round.planVersion} is already out for sign-off; sending again shows that round rather than starting another; a new round starts when the plan changes.` : '',
    candidates: prep.coSignerCandidates.map((p) => ({ title: p.name, value: p.id })),
    verbs: { send: VERBS.signoffSend, check: VERBS.check },
  });
};

const action = (title: string, verb: string, data: Record<string, unknown> = {}) => ({ title, verb, data: { verb, ...data } });

/** A pending request whose card has not reached its signatory, in words; a delivered one shows its reminders instead. */
const notReachedRow = (reason: NotReachedReason) => ({ badge: REACH_WORDS[reason].badge, detail: `not reached: ${REACH_WORDS[reason].why}; ${REACH_WORDS[reason].todo.replace(/then try again$/, 'then press Resend')}` });
const REACH: Record<Reach, { badge: string; detail: string } | null> = {
  delivered: null,
  sending: { badge: 'Sending', detail: 'being delivered: Teams asked us to wait, so it is tried again shortly' },
  ready: { badge: 'Not sent yet', detail: 'not sent yet: they have opened the bot since, so press Resend to send their request' },
  'no-conversation': notReachedRow('no-conversation'),
  blocked: notReachedRow('blocked'),
  'wrong-tenant': notReachedRow('wrong-tenant'),
  unreachable: notReachedRow('unreachable'),
};

const earlierRow = (r: SignOffRound, n: number): ListRow => ({
  text: `Round ${n}: version ${r.planVersion}, sent ${dateWords(r.requestedAt)}`,
  badge: r.status === 'signed' ? 'Signed off' : r.status === 'voided' ? 'No longer counts' : 'Open',
  colour: r.status === 'signed' ? 'Good' : 'Default',
  detail: r.closeReason ?? '',
});

const MISSING_ROLE = { badge: 'Missing', colour: 'Attention' } as const;

/** Before any round: who will be asked, so a gap on the roster is fixed before sending, not after. */
const rosterGroups = (overview: SignOffOverview): { heading: string; empty?: string; rows: ListRow[] }[] => [
  {
    heading: 'The five statutory signatories',
    rows: overview.holders.map(({ role, person }) =>
      person
        ? { text: `${roleTitle(role)}: ${person.name}`, badge: 'On the roster', colour: 'Good', detail: person.email ?? 'no email on the roster' }
        : { text: `${roleTitle(role)}: no one on the roster`, ...MISSING_ROLE, detail: 'The SRO must add them to the roster before sending: the plan is signed off only when all five have signed.' },
    ),
  },
  {
    heading: 'Co-signers',
    empty: 'Nobody on the roster is a co-signer.',
    rows: overview.coSigners.map((p) => ({ text: p.name, badge: 'Optional', colour: 'Default', detail: 'The SRO chooses whether to ask them when sending.' })),
  },
];

export const signOffStatusCard = (overview: SignOffOverview, isSro: boolean, notice: { style: string; text: string } | null = null): AdaptiveCardJson => {
  const found = overview.current;
  if (!found) {
    return listCard({
      title: 'Sign-off status',
      subtitle: 'No sign-off has been requested yet. When the SRO sends the plan, it goes to these people.',
      notice,
      groups: rosterGroups(overview),
      actions: isSro ? [{ title: 'Request sign-off', verb: VERBS.signoffStart, data: { verb: VERBS.signoffStart } }] : [],
    });
  }
  const { round, requests } = found;
  const row = (r: SignOffRequest): ListRow => {
    const reach = round.status === 'open' && r.state === 'pending' ? (overview.reach.get(reachKey(r)) ?? 'delivered') : 'delivered';
    const unreached = REACH[reach];
    return {
    text: `${roleTitle(r.role)}: ${r.name}`,
    badge: unreached?.badge ?? STATE[r.state].text,
    colour: unreached ? 'Attention' : STATE[r.state].colour,
    detail: [
      r.email ?? 'no email on the roster',
      r.decidedAt ? `${r.state} ${dateWords(r.decidedAt)}` : '',
      r.reason ? `reason: ${r.reason}` : '',
      unreached ? unreached.detail : `reminders sent: ${r.remindersSent}`,
    ]
      .filter(Boolean)
      .join(' · '),
    buttons: isSro && round.status === 'open' && r.state === 'pending' ? [action('Resend', VERBS.signoffResend, { person: r.personId })] : [],
    };
  };
  // A role nobody held when the round was sent can never be signed in it.
  const unasked = overview.holders
    .filter((h) => !requests.some((r) => r.required && r.role === h.role))
    .map((h): ListRow => ({ text: `${roleTitle(h.role)}: no one on the roster`, ...MISSING_ROLE, detail: `Nobody held this role when version ${round.planVersion} was sent: add them to the roster, then send for sign-off again.` }));
  const headline =
    round.status === 'signed'
      ? `Version ${round.planVersion} is signed off (${dateWords(round.closedAt ?? round.requestedAt)}).`
      : round.status === 'voided'
        ? `The round for version ${round.planVersion} no longer counts: ${round.closeReason ?? 'it was closed'}.`
        : `Version ${round.planVersion} is out for sign-off, requested ${dateWords(round.requestedAt)}.`;
  return listCard({
    title: 'Sign-off status',
    subtitle: `${headline} SHA-256 of the text: ${round.planHash.slice(0, 16)}…`,
    notice,
    groups: [
      { heading: 'The five statutory signatories', rows: [...requests.filter((r) => r.required).map(row), ...unasked] },
      { heading: 'Co-signers', empty: 'None asked.', rows: requests.filter((r) => !r.required).map(row) },
      { heading: 'Questions and answers', empty: 'No questions asked in this round.', rows: threadRows(overview.questions, isSro && round.status === 'open') },
      ...(overview.earlier.length ? [{ heading: 'Earlier rounds', rows: overview.earlier.map((r, i) => earlierRow(r, i + 1)) }] : []),
    ],
    actions: [
      ...(isSro && round.status !== 'open' ? [{ title: 'Request sign-off again', verb: VERBS.signoffStart, data: { verb: VERBS.signoffStart } }] : []),
      ...(isSro && round.status === 'signed' ? [{ title: 'Announce it in the team channel', verb: VERBS.channelPostSigned, data: { verb: VERBS.channelPostSigned } }] : []),
    ],
  });
};

export const requestSentNotice = (result: RequestResult) => {
  const lines = [`Sent version ${result.round.planVersion} to ${result.requests.length - result.unreachable.length} of ${result.requests.length} signatories.`];
  // One sentence per reason, naming who it applies to.
  const byReason = new Map<NotReachedReason, string[]>();
  for (const r of result.unreachable) {
    const reason = result.reasons.get(reachKey(r)) ?? 'unreachable';
    byReason.set(reason, [...(byReason.get(reason) ?? []), `${r.name} (${roleTitle(r.role)})`]);
  }
  for (const [reason, names] of byReason) lines.push(`Not reached, because ${REACH_WORDS[reason].why}: ${names.join('; ')}. To reach them, ${REACH_WORDS[reason].todo.replace(/then try again$/, 'then use Resend')}.`);
  if (result.missingRoles.length) lines.push(`Nobody on the roster signs as: ${result.missingRoles.map(roleTitle).join('; ')}.`);
  return { style: result.unreachable.length || result.missingRoles.length ? 'warning' : 'good', text: lines.join(' ') };
};
