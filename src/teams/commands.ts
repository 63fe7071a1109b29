/**
 * The commands people type. A message matches a command only when, tidied up, it is the
 * command's name or one of its phrases: no substring guessing that depends on list order.
 */
export interface CommandSpec {
  readonly name: string;
  readonly phrases: readonly string[];
  readonly description: string;
}

export const COMMANDS = [
  { name: 'help', phrases: ['hi', 'hello', 'start', 'menu', 'what can you do', 'what can you do for me', 'help me'], description: 'What I can do for you' },
  {
    name: 'status',
    phrases: ['plan status', 'show status', 'show me the status', 'progress', 'where are we'],
    description: 'Where each section of the plan stands: complete, incomplete or missing',
  },
  {
    name: 'sections',
    phrases: ['show me the plan', 'show the plan', 'the plan', 'plan', 'whats missing', 'what is missing', 'edit', 'edit the plan', 'fill in'],
    description: 'Open any section of the plan to read it or fill it in',
  },
  { name: 'my tasks', phrases: ['tasks', 'my task', 'todo', 'to do', 'what do i need to do'], description: 'Sections assigned to you, due dates first, and your drafts' },
  {
    name: 'check',
    phrases: ['readiness', 'check readiness', 'are we ready', 'is the plan ready', 'ready for sign-off', 'ready for sign off'],
    description: 'Readiness for sign-off: the 41 core minimum requirements and the guidance rules',
  },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMANDS)[number]['name'];

/** Lower case, no mentions, no punctuation, single spaces. */
export const normaliseText = (text: string): string =>
  text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const matchCommand = (text: string): CommandName | null => {
  const t = normaliseText(text);
  const found = COMMANDS.find((c) => c.name === t || (c.phrases as readonly string[]).includes(t));
  return found ? found.name : null;
};
