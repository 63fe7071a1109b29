import type { SectionCompleteness } from '../../domain/completeness';
import { byPart, sectionLabel } from '../../domain/plan.sections';
import { STATE_WORDS } from '../words';

/** Sections under the template's part headings, each with its name and state; `more` adds what one card shows besides. */
export const sectionParts = <T extends object>(sections: readonly SectionCompleteness[], more: (s: SectionCompleteness) => T) =>
  byPart(sections, (s) => s.section.key).map((part) => ({
    heading: part.heading,
    note: part.note,
    sections: part.items.map((s) => ({
      key: s.section.key,
      label: sectionLabel(s.section.key),
      stateText: STATE_WORDS[s.state].text,
      colour: STATE_WORDS[s.state].colour,
      ...more(s),
    })),
  }));
