import { tidy } from '../language/text';
import type { RoleName } from '../domain/people.schema';
import type { IntentName } from '../app/understanding.port';

/**
 * The commands people type. A message matches a command only when, tidied up, it is the
 * command's name or one of its phrases: no substring guessing that depends on list order.
 */
export interface CommandSpec {
  readonly name: string;
  /** What it opens: the same screen as the words that mean it. */
  readonly intent: IntentName;
  readonly phrases: readonly string[];
  readonly description: string;
  /** Whole-message patterns, for phrasings that carry a value such as a quarter ("post my q3 update"). */
  readonly patterns?: readonly RegExp[];
  /**
   * Which Teams command menus list it: a menu holds at most ten, so personal chat lists what
   * people do for themselves and team chats what a board looks at together.
   */
  readonly menus: readonly ('personal' | 'team')[];
  /** Who the help card offers it to; everyone on the roster when absent. */
  readonly roles?: readonly RoleName[];
}

export const COMMANDS = [
  { name: 'help', intent: 'help', menus: ['personal', 'team'], phrases: ['start', 'menu', 'what can you do', 'what can you do for me', 'help me'], description: 'What I can do for you' },
  {
    name: 'status', intent: 'status', menus: ['personal', 'team'],
    phrases: ['plan status', 'show status', 'show me the status', 'progress', 'where are we'],
    description: 'Where each section of the plan stands: complete, incomplete or missing',
  },
  {
    name: 'sections', intent: 'sections', menus: ['personal', 'team'],
    phrases: ['show me the plan', 'show the plan', 'the plan', 'plan', 'whats missing', 'what is missing', 'edit', 'edit the plan', 'fill in'],
    description: 'Open any section of the plan to read it or fill it in',
  },
  { name: 'my tasks', intent: 'tasks', menus: ['personal'], phrases: ['tasks', 'my task', 'todo', 'to do', 'what do i need to do'], description: 'Sections assigned to you, due dates first, and your drafts' },
  {
    name: 'check', intent: 'check', menus: ['personal', 'team'],
    phrases: ['readiness', 'check readiness', 'are we ready', 'is the plan ready', 'ready for sign-off', 'ready for sign off'],
    description: 'Readiness for sign-off: the 41 core minimum requirements and the guidance rules',
  },
  {
    name: 'update', intent: 'update', menus: ['personal'],
    phrases: ['post my update', 'post an update', 'quarterly update', 'my update', 'post update'],
    patterns: [/^post (my|an|the) q[1-4] update$/, /^q[1-4] update$/],
    description: "Post this quarter's milestone update for your workstream",
  },
  { name: 'risks', intent: 'risks', menus: ['personal', 'team'], phrases: ['risk register', 'show risks', 'the risks', 'risk log'], description: 'The risk register and dependency log: add, re-score, change or close' },
  {
    name: 'report', intent: 'report', menus: ['team'],
    phrases: ['highlight report', 'quarterly report', 'show the report'],
    patterns: [/^q[1-4] report$/, /^report (for )?q[1-4]$/],
    description: "The quarter's highlight report: milestones by RAG, trajectories, risks and missing updates",
  },
  { name: 'history', intent: 'history', menus: ['team'], phrases: ['show history', 'changes', 'what changed'], description: 'Every version of a workstream update, risk or dependency' },
  { name: 'sign-off', intent: 'signoff.start', menus: ['personal'], phrases: ['sign off', 'signoff', 'request sign-off', 'request sign off', 'send for sign-off', 'send for sign off'], description: 'Send the current version to the five signatories (SRO)' },
  { name: 'feedback', intent: 'feedback.give', menus: ['personal'], phrases: ['give feedback', 'submit feedback', 'you said', 'send feedback'], description: 'Parent Carer Forum and CYP forum: pass on what families and young people said' },
  {
    name: 'you said we did', intent: 'feedback.list', menus: ['personal'],
    phrases: ['ysww', 'you said and we did', 'feedback log', 'show feedback'],
    description: 'Every piece of feedback and its answer, by theme, voice and status',
  },
  {
    name: 'sign-off status', intent: 'signoff.status', menus: [],
    phrases: ['sign off status', 'signoff status', 'who has signed', 'signatures'],
    description: 'Who has signed, declined or is still to sign, with reminders sent',
  },
  // The personal menu already holds the ten commands Teams allows, and what is personal is never
  // offered in a team's menu, so these are typed (and offered on the help card).
  {
    name: 'export', intent: 'export', menus: [], roles: ['sro', 'signatory'],
    phrases: ['export the plan', 'download', 'download the plan', 'word', 'word copy', 'word version', 'the plan in word', 'plan in word', 'give me the plan in word', 'annex a'],
    description: 'The plan as the Annex A Word file, or as Markdown: links that are yours alone',
  },
  {
    name: 'spend', intent: 'spend', menus: [], roles: ['sro', 'workstream-lead'],
    phrases: ['actual spend', 'record spend', 'record actual spend', 'spend actuals', 'enter spend'],
    patterns: [/^(record )?(actual )?spend (for )?q[1-4]$/, /^q[1-4] (actual )?spend$/],
    description: "Record the quarter's actual spend against the plan's projection",
  },
  { name: 'dependencies', intent: 'dependencies', menus: [], phrases: ['dependency log', 'the dependencies', 'show dependencies'], description: 'The dependency log (Q11) on its own' },
  {
    name: 'people', intent: 'people', menus: [], roles: ['sro'],
    phrases: ['roles', 'roster', 'manage people', 'who can use the bot', 'who can use this', 'add someone', 'add a person', 'add people', 'people and roles', 'give someone a role'],
    description: 'Who may use the bot and as what: add people from your Teams team and give or take roles (SRO)',
  },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMANDS)[number]['name'];

/** Each command's name and phrases as `tidy` leaves them, worked out once: typed text is tidied the same way. */
const TIDIED = COMMANDS.map((c) => ({ name: c.name as CommandName, intent: c.intent as IntentName, said: new Set([c.name, ...c.phrases].map(tidy)), patterns: (c as CommandSpec).patterns ?? [] }));

/** The command a message is, by its name or one of its phrases, and what that opens. */
export const matchCommand = (text: string): { name: CommandName; intent: IntentName } | null => {
  const t = tidy(text);
  return TIDIED.find((c) => c.said.has(t) || c.patterns.some((p) => p.test(t))) ?? null;
};

