import { MISSING_TEXT, plainText, type Block } from './document.model';

/**
 * What the document does where the plan has nothing yet. 'list': nothing in the answers, and one
 * "Still to be provided" list at the end, so the gaps are said once and plainly. 'prompt': the
 * template's prompt alone, as a partnership would hand in a draft. Either way the partnership's
 * answers never carry the bot's placeholders.
 */
export type GapStyle = 'list' | 'prompt';
export const GAP_STYLES: readonly GapStyle[] = ['list', 'prompt'];

export const STILL_TO_PROVIDE_HEADING = 'Still to be provided';

/** A thing the plan lacks, named for the list: "the completed Local Partnership Maturity Assessment Tool". */
export const gap = (what: string): Block => ({ kind: 'paragraph', text: what, missing: true });

/** "4. Please upload …" is Question 4; any other heading is its own name. */
const whereOf = (heading: string): string => {
  const n = /^(\d+)\./.exec(heading)?.[1];
  return n ? `Question ${n}` : heading;
};

/** How the list names a missing answer (as against a missing field or document, named by what it is). */
export const ANSWER_GAP = 'the answer';

/** Takes the gaps out of the answers and, for 'list', says them once at the end. */
export const placeGaps = (blocks: readonly Block[], style: GapStyle): Block[] => {
  const kept: Block[] = [];
  const gaps: string[] = [];
  let where = 'Front page';
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level > 1 && block.level < 4) where = whereOf(block.text);
    if (block.kind === 'paragraph' && block.missing) {
      const what = plainText(block.text);
      gaps.push(`${where}: ${what === MISSING_TEXT ? ANSWER_GAP : what}`);
      continue;
    }
    if (block.kind === 'field' && block.value === null) {
      gaps.push(`${where}: ${block.label.charAt(0).toLowerCase()}${block.label.slice(1)}`);
      continue;
    }
    kept.push(block);
  }
  if (style === 'prompt' || gaps.length === 0) return kept;
  return [
    ...kept,
    { kind: 'heading', level: 2, text: STILL_TO_PROVIDE_HEADING },
    { kind: 'paragraph', text: 'The partnership has still to provide:', voice: 'prompt' },
    { kind: 'list', items: [...new Set(gaps)], voice: 'prompt' },
  ];
};
