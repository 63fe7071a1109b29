/**
 * How often the first answer to a typed message is the right one, on sets of messages written blind
 * (by helpers who never saw the corpus or the code: test/language/blind/README.md). Each message is
 * read as its persona, in the world the writers were given, through the bot's own path: commands,
 * the classifier, the person's priors, the question rule and the "sure" threshold.
 *
 *   npm run bench -- --language [validation|test|final] [--sweep] [--misses]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIDENT, decide, weigh, type Decision, type Situation } from '../src/app/understanding/intent-decision';
import { vocabularyOf } from '../src/app/understanding/vocabulary';
import type { IntentName, PlanVocabulary, Understanding } from '../src/app/understanding.port';
import { demoPlan } from '../src/demo/demo-plan';
import { Roster, type Person } from '../src/domain/people.schema';
import { quarter } from '../src/domain/quarters';
import { SECTIONS } from '../src/domain/plan.sections';
import { CORPUS, createNlpUnderstanding } from '../src/language/nlp.understanding';
import { tidy } from '../src/language/text';
import { matchCommand } from '../src/teams/commands';
import { interpret } from '../src/teams/interpret';

export interface BlindItem {
  readonly text: string;
  readonly persona: string;
  readonly intent: IntentName;
  readonly entities?: { person?: string; section?: string; date?: string; workstream?: string; quarter?: string };
}

/** Forms whose own button writes: a message that meant a read must never open one. */
const WRITE_FORMS: ReadonlySet<string> = new Set(['signoff.start', 'signoff.approve', 'signoff.decline', 'update', 'spend', 'feedback.give', 'assign']);

export const loadSet = (name: string): BlindItem[] => (JSON.parse(readFileSync(join(__dirname, '..', 'test', 'language', 'blind', `${name}.json`), 'utf8')) as { items: BlindItem[] }).items;

/** The world the writers were told of: a sign-off round open, Jess's update due, Louisa's Q7 assigned. */
export const blindWorld = () => {
  const roster = Roster.parse(JSON.parse(readFileSync(join(__dirname, '..', 'config', 'roster.demo.json'), 'utf8')));
  const people: Person[] = roster.people;
  const vocabulary: PlanVocabulary = vocabularyOf(demoPlan(), people, quarter(2026, 3), new Date('2026-12-06T10:00:00Z'));
  const situationOf = (name: string): Situation => {
    const person = people.find((p) => p.name === name);
    const roles = person?.roles.map((r) => r.role) ?? ['viewer'];
    return { roles, signOffWaiting: roles.includes('signatory'), updateDue: name === 'Jess Sharma', tasksWaiting: name === 'Louisa Jones' };
  };
  return { people, vocabulary, situationOf };
};

/** What the person sees first, as an intent: a section opened without naming one is the list of sections. */
const shown = (d: Decision): string => {
  if (d.kind !== 'open') return `${d.kind}(${d.kind === 'guess' ? d.guesses.join(',') : ''})`;
  return d.intent === 'section.open' && !d.entities.section ? 'sections' : d.intent;
};

export interface Score {
  readonly right: number;
  readonly total: number;
  readonly perIntent: Map<string, [number, number]>;
  readonly misses: string[];
  /** Messages meaning something else that opened a form that writes. */
  readonly wrongWrites: string[];
  /** Of those, the questions ("has the DCS signed?"): there must be none. */
  readonly questionWrites: string[];
  /** Right, and in all, among messages that are not word for word a line of the corpus. */
  readonly novel: { right: number; total: number };
  readonly entities: { right: number; total: number; misses: string[] };
}

export const scoreSet = async (items: readonly BlindItem[], understanding: Understanding, confident = CONFIDENT): Promise<Score> => {
  const { vocabulary, situationOf, people } = blindWorld();
  const perIntent = new Map<string, [number, number]>();
  const misses: string[] = [];
  const wrongWrites: string[] = [];
  const questionWrites: string[] = [];
  const novel = { right: 0, total: 0 };
  const trained = new Set(Object.values(CORPUS).flatMap((lines) => (lines ?? []).map(tidy)));
  const entities = { right: 0, total: 0, misses: [] as string[] };
  let right = 0;
  for (const item of items) {
    const situation = situationOf(item.persona);
    const understood = await understanding.understand(item.text, vocabulary);
    const command = matchCommand(item.text);
    const decision: Decision = command ? await interpret(understanding, item.text, vocabulary, async () => situation) : decide(understood, situation, confident);
    const got = shown(decision);
    const ok = got === item.intent;
    right += ok ? 1 : 0;
    const [a, b] = perIntent.get(item.intent) ?? [0, 0];
    perIntent.set(item.intent, [a + (ok ? 1 : 0), b + 1]);
    if (!ok) misses.push(`${item.intent.padEnd(17)} ${got.padEnd(40)} ${item.persona.padEnd(17)} ${item.text} [${weigh(understood, situation).slice(0, 2).map((r) => `${r.intent} ${r.score.toFixed(2)}`).join(', ')}]`);
    if (!ok && decision.kind === 'open' && WRITE_FORMS.has(decision.intent)) {
      wrongWrites.push(`${item.intent} -> ${decision.intent}: ${item.text}`);
      if (understood.question) questionWrites.push(`${item.intent} -> ${decision.intent}: ${item.text}`);
    }
    if (!trained.has(tidy(item.text))) {
      novel.total++;
      novel.right += ok ? 1 : 0;
    }
    // The values a card is filled with: the person and the section named.
    const e = decision.entities;
    const wanted: [string, string | undefined, string | undefined][] = [
      ['person', item.entities?.person, people.find((p) => p.id === e.personId)?.name],
      ['section', item.entities?.section && sectionKeyOf(item.entities.section), e.section],
    ];
    for (const [kind, want, have] of wanted) {
      if (!want) continue;
      entities.total++;
      if (want === have) entities.right++;
      else entities.misses.push(`${kind}: wanted ${want}, got ${have ?? 'nothing'}: ${item.text}`);
    }
  }
  return { right, total: items.length, perIntent, misses, wrongWrites, questionWrites, novel, entities };
};

/** "Q9", "Executive summary" as the writers named a section: its key, if the number or name is one. */
const sectionKeyOf = (named: string): string | undefined => {
  const n = /^q(\d+)/i.exec(named.trim());
  if (n) return SECTIONS.find((s) => s.question === Number(n[1]))?.key;
  return SECTIONS.find((s) => s.shortName.toLowerCase() === named.trim().toLowerCase() || s.title.toLowerCase() === named.trim().toLowerCase())?.key;
};

const percent = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

export const languageScore = async (argv: readonly string[]): Promise<void> => {
  const name = argv.find((a) => a === 'validation' || a === 'test' || a === 'final') ?? 'validation';
  const items = loadSet(name);
  const understanding = await createNlpUnderstanding();
  if (argv.includes('--sweep')) {
    for (let t = 0.2; t <= 0.9001; t += 0.05) {
      const s = await scoreSet(items, understanding, t);
      process.stdout.write(`threshold ${t.toFixed(2)}: ${s.right}/${s.total} (${percent(s.right, s.total)}), wrong writes ${s.wrongWrites.length}\n`);
    }
    return;
  }
  const s = await scoreSet(items, understanding);
  for (const [intent, [a, b]] of [...s.perIntent].sort()) process.stdout.write(`${intent.padEnd(18)} ${String(a).padStart(3)}/${String(b).padEnd(3)} ${percent(a, b)}\n`);
  process.stdout.write(`${name}: ${s.right}/${s.total} understood first time (${percent(s.right, s.total)}) at threshold ${CONFIDENT}\n`);
  process.stdout.write(`  of which not word for word in the corpus: ${s.novel.right}/${s.novel.total} (${percent(s.novel.right, s.novel.total)})\n`);
  process.stdout.write(`questions that opened a form that writes: ${s.questionWrites.length}\n`);
  process.stdout.write(`messages meaning something else that opened a form that writes: ${s.wrongWrites.length}\n${s.wrongWrites.map((w) => `  ${w}\n`).join('')}`);
  process.stdout.write(`people and sections named, read right: ${s.entities.right}/${s.entities.total}\n`);
  if (argv.includes('--misses')) process.stdout.write(`\n${s.misses.join('\n')}\n\n${s.entities.misses.join('\n')}\n`);
};
