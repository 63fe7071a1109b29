import type { DocumentModel } from '../document.model';
import { sectionLabel, SECTIONS } from '../plan.sections';
import type { Plan, SectionKey } from '../plan.schema';
import { canonicalText, cutModel, cutWord, type CutSection, type Line, type Region } from './plan-sections';
import { SECTION_READERS } from './section-readers';
import { TABLE_READERS } from './table-readers';
import { Plan as PlanSchema } from '../plan.schema';
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
    const reader = SECTION_READERS[key] ?? TABLE_READERS[key];
    if (!reader) {
      changes.push({ section: key, label: sectionLabel(key), readable: false, reason: 'its tables cannot be read back from Word yet: change it in Teams' });
      continue;
    }
    const candidate = reader(imported, have.lines);
    // The plan's own rules too: a reading that breaks one (an e-mail that is not one) is not taken.
    const valid = PlanSchema.safeParse(candidate);
    if (!valid.success) {
      changes.push({ section: key, label: sectionLabel(key), readable: false, reason: `${valid.error.issues[0]?.message ?? 'it breaks the plan’s rules'}: change it in Teams` });
      continue;
    }
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
    if (extra.length) unplaced.push(`${have.heading}: ${extra.length === 1 ? 'a line' : `${extra.length} lines`} that belong to no section of the plan, starting "${extra[0]!.slice(0, 60)}"`);
  }
  return { changes, unplaced, plan: imported };
};
