import { EXECUTIVE_SUMMARY_PROMPT, HEADER_LABELS, QUESTION_PROMPTS, type Prose, type QuestionKey } from '../annex-a.text';
import type { DocumentModel } from '../document.model';
import { sectionLabel, SECTIONS } from '../plan.sections';
import type { Plan, SectionKey } from '../plan.schema';
import { canonicalText, cutModel, cutWord, normalise, type CutSection, type Line, type Region } from './plan-sections';
import type { WordBlock } from './word-blocks';

export interface SectionChange {
  readonly section: SectionKey;
  /** As the sections list names it: "Q9 Engagement and co-production". */
  readonly label: string;
  /** Read back into the plan's own types, exactly: a draft can be made of it. */
  readonly readable: boolean;
  /** Why not, when it cannot be. */
  readonly reason?: string;
}

export interface WordImport {
  /** Sections whose words in the file differ from the plan's, in the template's order. */
  readonly changes: readonly SectionChange[];
  /** What the file has that no section could take, by heading: never dropped without a word. */
  readonly unplaced: readonly string[];
  /** The plan with every readable change made; the same plan when there are none. */
  readonly plan: Plan;
}

/** The template's words under a heading, which are not the partnership's answer. */
const promptLines = (prose: readonly Prose[]): string[] => prose.flatMap((x) => (x.kind === 'paragraph' ? [x.text] : x.items)).map(normalise);
const PROMPTS: Partial<Record<SectionKey, ReadonlySet<string>>> = {
  executiveSummary: new Set(promptLines(EXECUTIVE_SUMMARY_PROMPT)),
  ...Object.fromEntries((Object.keys(QUESTION_PROMPTS) as QuestionKey[]).map((k) => [k, new Set(promptLines(QUESTION_PROMPTS[k].prompt))])),
};

/** The partnership's answer in a section: the template's prompt taken out, bullets as "- ", bold as **…**. */
const answerText = (section: SectionKey, lines: readonly Line[]): string | null => {
  const prompts = PROMPTS[section] ?? new Set<string>();
  const text = lines
    .filter((l): l is Extract<Line, { kind: 'text' }> => l.kind === 'text' && !prompts.has(normalise(l.text)))
    .map((l) => {
      let line = l.text.trim();
      for (const b of new Set(l.bold.map((x) => x.trim()).filter(Boolean))) line = line.replace(b, `**${b}**`);
      return l.listed ? `- ${line}` : line;
    })
    .join('\n');
  return text.trim() ? text : null;
};

const fieldValue = (lines: readonly Line[], label: string): string | null => {
  const prefix = normalise(`${label}:`).toLowerCase();
  const line = lines.find((l) => l.kind === 'text' && normalise(l.text).toLowerCase().startsWith(prefix));
  const value = line?.kind === 'text' ? normalise(line.text).slice(prefix.length).trim() : '';
  return value || null;
};

/**
 * Sections read back into the plan, each a pure function of the plan and the section's lines.
 * Sections not listed here are compared and reported, but not yet read back: the person edits
 * them in Teams.
 */
const READERS: Partial<Record<SectionKey, (plan: Plan, lines: readonly Line[]) => Plan>> = {
  header: (plan, lines) => ({
    ...plan,
    header: {
      ...plan.header,
      localAuthority: fieldValue(lines, HEADER_LABELS.localAuthority),
      integratedCareBoard: fieldValue(lines, HEADER_LABELS.integratedCareBoard),
      sroName: fieldValue(lines, HEADER_LABELS.sroName),
    },
  }),
  executiveSummary: (plan, lines) => ({ ...plan, executiveSummary: { changeStory: answerText('executiveSummary', lines) } }),
  deliveryCapacity: (plan, lines) => ({ ...plan, deliveryCapacity: { narrative: answerText('deliveryCapacity', lines) } }),
  engagement: (plan, lines) => ({ ...plan, engagement: { narrative: answerText('engagement', lines) } }),
  centralGovernmentSupport: (plan, lines) => ({
    ...plan,
    centralGovernmentSupport: { ...plan.centralGovernmentSupport, asks: (answerText('centralGovernmentSupport', lines) ?? '').split('\n').map((l) => l.replace(/^- /, '').trim()).filter(Boolean) },
  }),
};

const byRegion = (sections: readonly CutSection[]) => {
  const out = new Map<Region, { heading: string; lines: Line[] }>();
  for (const s of sections) {
    const seen = out.get(s.region);
    if (seen) seen.lines.push(...s.lines);
    else out.set(s.region, { heading: s.heading, lines: [...s.lines] });
  }
  return out;
};

/**
 * What a Word file would change in the plan: each section's words in the file against the words
 * the plan compiles to, the template's headings marking where each section starts. A section
 * whose words are the same is left alone, however the file was re-saved; a changed one is read
 * back into the plan's types and compiled again, and taken only if it then says exactly what the
 * file says.
 */
export const importWord = (plan: Plan, blocks: readonly WordBlock[], compile: (plan: Plan) => DocumentModel): WordImport => {
  const expected = byRegion(cutModel(compile(plan)));
  const found = byRegion(cutWord(blocks));
  const changes: SectionChange[] = [];
  const unplaced: string[] = [];
  let imported = plan;
  for (const { key } of SECTIONS) {
    const want = expected.get(key);
    const have = found.get(key);
    if (!have) {
      if (want && canonicalText(want.lines)) unplaced.push(`${sectionLabel(key)}: its heading is not in the file, so it was left as it is`);
      continue;
    }
    if (canonicalText(have.lines) === canonicalText(want?.lines ?? [])) continue;
    const reader = READERS[key];
    if (!reader) {
      changes.push({ section: key, label: sectionLabel(key), readable: false, reason: 'its tables cannot be read back yet: change it in Teams' });
      continue;
    }
    const candidate = reader(imported, have.lines);
    const again = byRegion(cutModel(compile(candidate))).get(key);
    if (again && canonicalText(again.lines) === canonicalText(have.lines)) {
      imported = candidate;
      changes.push({ section: key, label: sectionLabel(key), readable: true });
    } else {
      changes.push({ section: key, label: sectionLabel(key), readable: false, reason: 'its new words could not be read back exactly: change it in Teams' });
    }
  }
  // The bot's own annexes are made afresh on every export: anything added under them is named, not taken.
  for (const region of ['annex-c', 'bot'] as const) {
    const have = found.get(region);
    if (!have) continue;
    const extra = canonicalText(have.lines)
      .split('\n')
      .filter((line) => line && !canonicalText(expected.get(region)?.lines ?? []).split('\n').includes(line));
    if (extra.length) unplaced.push(`${have.heading}: ${extra.length} line(s) that belong to no section of the plan, starting "${extra[0]!.slice(0, 60)}"`);
  }
  return { changes, unplaced, plan: imported };
};
