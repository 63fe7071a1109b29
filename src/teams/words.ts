import type { SectionState } from '../domain/completeness';
import { isDomainError } from '../domain/errors';
import { formatPence } from '../domain/money';
import { ROLE_LABELS, type Person, type RoleGrant } from '../domain/people.schema';
import { roleTitle, type Plan } from '../domain/plan.schema';
import type { DeliveryWord, NotReachedReason } from '../app/reach';

/** Everything the bot says in words lives here, in plain British English. */

export interface Notice {
  readonly style: 'attention' | 'warning' | 'good' | 'default';
  readonly title: string;
  readonly message: string;
  readonly hint: string;
}

/** Turn an error into words a parent or head teacher understands; the code decides, not the message. */
export const noticeForError = (error: unknown): Notice => {
  if (isDomainError(error)) {
    switch (error.code) {
      case 'ROSTER.UNKNOWN_PERSON':
        return {
          style: 'attention',
          title: "You're not on the roster yet",
          // No names or contact details: someone outside the roster may be outside the partnership.
          message: "Please ask your council's SEND team to add you. Until then I can't show or change the plan.",
          hint: 'Nothing has been changed.',
        };
      case 'PLAN.NOT_FOUND':
        return {
          style: 'attention',
          title: "The plan isn't set up yet",
          message: 'There is no plan record for this partnership yet. Please let the plan’s Senior Responsible Officer know.',
          hint: 'Nothing has been changed.',
        };
      case 'PLAN.STALE_VERSION':
        return {
          style: 'warning',
          title: 'Someone else changed the plan first',
          message: 'The plan changed after this card was sent, so I have not saved anything from it. Please open it again to see the latest version.',
          hint: 'Nothing has been changed.',
        };
      case 'ROSTER.STALE_VERSION':
        return {
          style: 'warning',
          title: 'Someone else changed this person first',
          message: 'Their roles changed after this card was sent, so I have not saved anything from it. Type **people** to see them as they are now.',
          hint: 'Nothing has been changed.',
        };
      case 'ROSTER.LAST_SRO':
        return {
          style: 'warning',
          title: 'The plan needs its SRO',
          message: 'The partnership must keep at least one SRO on the bot. Give someone else the SRO role first, then change or remove this one.',
          hint: 'Nothing has been changed.',
        };
      case 'ROSTER.MANAGED_BY_FILE':
        return { style: 'attention', title: 'People are managed by your administrator', message: error.message, hint: 'Nothing has been changed.' };
      case 'TEAM.NOT_INSTALLED':
        return {
          style: 'attention',
          title: 'The app is not in the partnership’s team yet',
          message: 'Add the app to the partnership’s team in Teams (Apps, then Add to a team); then I can post to its channel and reach its members.',
          hint: 'Nothing has been posted.',
        };
      case 'SIGNOFF.STALE_ROUND':
        return { style: 'warning', title: 'This sign-off request no longer counts', message: error.message, hint: 'Nothing has been signed.' };
      case 'SIGNOFF.INVALID_TRANSITION':
        return { style: 'warning', title: 'This has already been answered', message: error.message, hint: 'Nothing has been changed.' };
      case 'SIGNOFF.NO_ROUND':
        return { style: 'attention', title: "I don't recognise that sign-off request", message: error.message, hint: 'Nothing has been changed.' };
      case 'RISK.HEADLINE_LIMIT':
        return { style: 'warning', title: 'Too many headline risks', message: error.message, hint: 'Nothing has been changed.' };
      case 'IMPORT.UNREADABLE':
        return { style: 'attention', title: "I couldn't read that file", message: error.message, hint: 'Nothing has been changed.' };
      case 'IMPORT.STALE':
        return { style: 'warning', title: 'The plan changed since that file was read', message: error.message, hint: 'Nothing has been changed.' };
      case 'IMPORT.MACROS':
        return { style: 'attention', title: 'Files with macros are not read', message: error.message, hint: 'Nothing has been changed.' };
      case 'DOCUMENT.TOO_LARGE':
        return {
          style: 'warning',
          title: 'Too large for a Word file here',
          message: `This document has about ${Number(error.details.characters ?? 0).toLocaleString('en-GB')} characters, more than the ${Number(error.details.max ?? 0).toLocaleString('en-GB')} I can make into a Word file without slowing the bot for everyone. Shorten the longest answers, or ask your administrator to run **npm run plan -- export --format docx** on the server, which makes it in a process of its own.`,
          hint: 'Nothing has been changed.',
        };
      case 'DOCUMENT.NOT_FOUND':
        return {
          style: 'attention',
          title: "I can't find that document",
          message: 'I have no copy of that document, so I cannot give it or check it. Type **export** for a fresh copy of the plan, or open the highlight report and choose **Download as Word**.',
          hint: 'Nothing has been changed.',
        };
      case 'AUTH.FORBIDDEN':
        return { style: 'attention', title: "Your role doesn't allow that", message: error.message, hint: 'Nothing has been changed.' };
      case 'INPUT.INVALID':
      case 'PLAN.INVALID':
      case 'PLAN.DUPLICATE_ID':
        return { style: 'attention', title: "Some of that isn't right", message: error.message, hint: 'Nothing has been changed.' };
      case 'UPDATE.QUARTER_NOT_IN_PLAN':
        return { style: 'warning', title: 'No update is due for that quarter', message: error.message, hint: 'Nothing has been posted.' };
      case 'AI.NOT_CONFIGURED':
      case 'AI.TIMEOUT':
      case 'AI.RATE_LIMITED':
      case 'AI.CONTENT_FILTERED':
      case 'AI.FAILED':
        return { style: 'warning', ...AI_WORDS[error.code], hint: 'Nothing has been changed. You can still write it yourself.' };
      default:
        break;
    }
  }
  return {
    style: 'attention',
    title: 'Sorry, something went wrong on our side',
    message: 'Your last request was not completed. Please try again in a minute; if it keeps happening, tell the plan’s Senior Responsible Officer.',
    hint: '',
  };
};

export const UNKNOWN_COMMAND: Notice = {
  style: 'default',
  title: "I didn't recognise that",
  message: 'Type **help** to see everything I can do, **sections** to read or fill in the plan, or **my tasks** for what is assigned to you.',
  hint: '',
};

export const STATE_WORDS: Record<SectionState, { text: string; colour: 'Good' | 'Warning' | 'Attention' }> = {
  complete: { text: 'Complete', colour: 'Good' },
  incomplete: { text: 'Incomplete', colour: 'Warning' },
  missing: { text: 'Missing', colour: 'Attention' },
};

const listWords = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export const roleNote = (grant: RoleGrant, plan: Plan | null): string => {
  switch (grant.role) {
    case 'sro':
      return 'As Senior Responsible Officer you own the plan record: you can see where every section stands and what is still missing before sign-off.';
    case 'workstream-lead': {
      const names = grant.workstreams.map((id) => {
        const w = plan?.deliveryPlan.workstreams.find((x) => x.id === id);
        return w ? `Workstream ${w.code}: ${w.name}` : id;
      });
      return `You lead ${listWords(names)}: you report its quarterly milestones, target trajectories and risks.`;
    }
    case 'signatory': {
      const title = grant.signatoryRole === 'co-signer' ? 'a co-signer' : roleTitle(grant.signatoryRole);
      return `You sign the plan off as ${title}.`;
    }
    case 'pcf-rep':
      return "You bring the Parent Carer Forum's voice: what families tell you is recorded and answered.";
    case 'cyp-rep':
      return "You bring children and young people's own voice, recorded separately from parents'.";
    case 'contributor':
      return 'You help fill in parts of the plan.';
    case 'viewer':
      return "You can read the plan and see where it stands; you can't change it.";
  }
};

export const rolesText = (person: Person): string => listWords([...new Set(person.roles.map((r) => ROLE_LABELS[r.role]))]);

/** "27 November 2026", as people in England write dates. */
// One formatter for the process: toLocaleDateString builds a new one on every call, which is slow.
const LONDON_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
export const dateWords = (iso: string): string => LONDON_DATE.format(new Date(iso));

/** The start of a document's SHA-256, enough to compare with a file's footer: "3f2a9c0d1b4e5f60…". */
export const fingerprintWords = (hash: string): string => `${hash.slice(0, 16)}…`;

/** Actual against projected spend, in words: "£1,250 over", "£2,000 under", "On projection". */
export const varianceWords = (projectedPence: number | null, actualPence: number | null): { text: string; colour: 'Good' | 'Attention' | 'Warning' | 'Default' } => {
  if (actualPence === null) return { text: '–', colour: 'Default' };
  if (projectedPence === null) return { text: 'No projection', colour: 'Default' };
  const difference = actualPence - projectedPence;
  if (difference === 0) return { text: 'On projection', colour: 'Good' };
  return difference > 0 ? { text: `${formatPence(difference)} over`, colour: 'Attention' } : { text: `${formatPence(-difference)} under`, colour: 'Warning' };
};

/** What each understood request is called on a "did you mean" button. */
export const INTENT_WORDS: Record<import('../app/understanding.port').IntentName, string> = {
  help: 'What I can do',
  status: 'Plan status',
  sections: 'The plan, section by section',
  tasks: 'My tasks',
  check: 'Readiness for sign-off',
  update: 'Post a workstream update',
  risks: 'The risk register',
  report: 'The highlight report',
  history: 'Change history',
  'signoff.start': 'Send the plan for sign-off',
  'signoff.status': 'Sign-off status',
  'signoff.approve': 'Approve the plan',
  'signoff.decline': 'Decline the plan',
  'feedback.give': 'Give feedback',
  'feedback.list': 'You said, we did',
  export: 'The plan in Word',
  spend: 'Record actual spend',
  'section.open': 'Open a section',
  'assist.draft': 'Draft a section',
  'assist.summarise': 'Summarise the updates',
  'assist.mitigation': 'Suggest a mitigation',
  'assist.plain': 'Rewrite in plain English',
  dependencies: 'The dependency log',
  assign: 'Assign a section to someone',
  people: 'People and roles',
  smalltalk: 'Just saying hello',
  outofscope: 'Something I can’t do',
};

export const DID_YOU_MEAN = { title: 'Did you mean one of these?', subtitle: 'I was not sure what you meant. Choose one, or type **help** to see everything I can do.' } as const;

export const TRY_TYPING = 'Or try one of these:';

export const NOTHING_TO_SIGN: Notice = {
  style: 'default',
  title: 'Nothing is waiting for you',
  message: 'There is no sign-off request waiting for your answer. When the SRO sends the plan for sign-off, its card comes to you here.',
  hint: 'Type "sign-off status" to see who has signed.',
};

export const NOT_A_SIGNATORY: Notice = {
  style: 'default',
  title: 'Approving the plan is for the signatories',
  message: 'Only the five signatories (and any co-signers) approve or decline the plan. Type "status" to see where the plan stands.',
  hint: '',
};

/** "Has the ICB chief executive signed?", answered in one line above the status. */
export const signatoryStateWords = (roleTitle: string, name: string | null, state: 'pending' | 'signed' | 'declined' | 'voided' | 'none'): string =>
  !name
    ? `Nobody has been asked to sign as ${roleTitle} yet.`
    : state === 'signed'
      ? `${name} (${roleTitle}) has signed.`
      : state === 'declined'
        ? `${name} (${roleTitle}) has declined.`
        : state === 'pending'
          ? `${name} (${roleTitle}) has not signed yet.`
          : `${name} (${roleTitle}) has no request in this round.`;

/** What each drafting failure means for the person asking; the code decides, never the model's own words. */
const AI_WORDS: Record<'AI.NOT_CONFIGURED' | 'AI.TIMEOUT' | 'AI.RATE_LIMITED' | 'AI.CONTENT_FILTERED' | 'AI.FAILED', { title: string; message: string }> = {
  'AI.NOT_CONFIGURED': { title: 'Drafting help is not switched on', message: 'This bot has no AI model set up, so it cannot suggest drafts. Please ask whoever runs the bot if you would like it.' },
  'AI.TIMEOUT': { title: 'The drafting help took too long', message: 'The AI model did not answer in time. Please try again in a minute.' },
  'AI.RATE_LIMITED': { title: 'The drafting help is busy', message: 'The AI model is taking too many requests just now. Please try again in a minute or two.' },
  'AI.CONTENT_FILTERED': { title: 'No suggestion this time', message: "The AI model's safety filter stopped this suggestion. Try asking in different words, or write it yourself." },
  'AI.FAILED': { title: 'The drafting help is not working just now', message: 'The AI model did not give a suggestion. Please try again later; if it keeps happening, tell whoever runs the bot.' },
};

/** Why a card did not reach someone, and what the person who sent it can do about it. */
export const REACH_WORDS: Readonly<Record<NotReachedReason, { readonly badge: string; readonly why: string; readonly todo: string }>> = {
  'no-conversation': {
    badge: 'Not reachable',
    why: 'they are not a member of the partnership’s team in Teams and have never opened the bot',
    todo: 'add them to the team the app is installed in (or ask them to say hello to the bot), then try again',
  },
  blocked: { badge: 'App removed', why: 'they have removed or blocked the app in Teams', todo: 'ask them to add the app again, then try again' },
  'wrong-tenant': {
    badge: 'Other organisation',
    why: 'their Teams account is in an organisation this bot does not serve (a guest from NHSmail, for example)',
    todo: 'contact them another way, or ask your administrator to allow their organisation',
  },
  unreachable: { badge: 'Not reachable', why: 'Teams refused the message', todo: 'ask them to open the bot, then try again' },
};

/** One person's delivery, in a sentence: "Louisa Jones has been sent a message in Teams." */
export const deliverySentence = (name: string, delivery: DeliveryWord, sent = 'has been sent a message in Teams.'): string => {
  if (delivery === 'sent') return `${name} ${sent}`;
  if (delivery === 'sending') return `Teams asked me to wait, so my message to ${name} will follow shortly: there is nothing more to do.`;
  const words = REACH_WORDS[delivery];
  return `Teams would not deliver my message to ${name}: ${words.why}. To reach them, ${words.todo}.`;
};
