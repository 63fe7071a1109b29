import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as annexA from '../../src/domain/annex-a.text';
import { NOT_IN_REFERENCE, QUESTION_PROMPTS, HEADER_LABELS, ANNEX_C_RISK_MATRIX, type Prose, type QuestionKey } from '../../src/domain/annex-a.text';
import { Header } from '../../src/domain/plan.schema';
import { SECTIONS } from '../../src/domain/plan.sections';
import { ANNEX_C_MATRIX } from '../../src/domain/risk-rating';

const raw = readFileSync(join(__dirname, '..', 'fixtures', 'local-send-reform-plan-2026.txt'), 'utf8');

// Only real tags: the Annex C bands ("< 10%", ">10% - <30%") must survive.
const stripMarkup = (s: string): string =>
  s
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/\*/g, '')
    .replace(/•/g, ' ');
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

const reference = collapse(stripMarkup(raw));
/** Each reference line as a paragraph or bullet would read, list marker taken off. */
const referenceLines = new Set(raw.split('\n').map((line) => collapse(stripMarkup(line)).replace(/^-\s*/, '')));

// `kind` tags which Prose variant an object is; it is ours, not the template's.
const STRUCTURAL_KEYS = new Set(['kind']);

const collectStrings = (value: unknown, path: string, out: [string, string][]): [string, string][] => {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => collectStrings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object' && !(value instanceof Set)) {
    for (const [k, v] of Object.entries(value)) if (!STRUCTURAL_KEYS.has(k)) collectStrings(v, `${path}.${k}`, out);
  }
  return out;
};

const isProse = (value: unknown): value is Prose =>
  !!value && typeof value === 'object' && ((value as Prose).kind === 'paragraph' || (value as Prose).kind === 'list');

const collectProse = (value: unknown, out: Prose[]): Prose[] => {
  if (isProse(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collectProse(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => collectProse(v, out));
  return out;
};

const allStrings = Object.entries(annexA).flatMap(([name, value]) => collectStrings(value, name, []));
const checked = allStrings.filter(([, s]) => !NOT_IN_REFERENCE.has(s));

describe('Annex A template text', () => {
  it('collects the module’s strings', () => {
    expect(checked.length).toBeGreaterThan(100);
  });

  it.each(checked)('%s appears in the reference: %s', (_path, text) => {
    expect(reference).toContain(collapse(text));
  });

  // A substring check would pass a truncated sentence; prose must be a whole line of the template.
  const proseLines = [
    ...annexA.ANNEX_A_INTRO,
    ...collectProse(Object.values(annexA), []).flatMap((p) => (p.kind === 'paragraph' ? [p.text] : p.items)),
  ].filter((s) => !NOT_IN_REFERENCE.has(s));
  const headingLines = [
    annexA.ANNEX_A_TITLE,
    annexA.SIGNATORIES_HEADING,
    annexA.EXECUTIVE_SUMMARY_HEADING,
    ...annexA.PART_TITLES,
    ...Object.values(QUESTION_PROMPTS).map((q) => q.heading),
  ];
  it.each([...headingLines, ...proseLines])('is a whole line of the reference: %s', (text) => {
    expect(referenceLines.has(collapse(text))).toBe(true);
  });

  it('marks as not-in-reference only strings the module uses', () => {
    const used = new Set(allStrings.map(([, s]) => s));
    for (const s of NOT_IN_REFERENCE) expect(used.has(s)).toBe(true);
  });
});

describe('QUESTION_PROMPTS', () => {
  const questions = SECTIONS.filter((s) => s.question !== null);

  it('covers exactly the numbered sections, with their numbers', () => {
    expect(Object.keys(QUESTION_PROMPTS).sort()).toEqual(questions.map((s) => s.key).sort());
    for (const s of questions) expect(QUESTION_PROMPTS[s.key as QuestionKey].number).toBe(s.question);
  });

  const byNumber = Array.from({ length: 15 }, (_, i) => i + 1);
  const promptOf = (n: number) => Object.values(QUESTION_PROMPTS).find((q) => q.number === n);

  it.each(byNumber)('question %i has a heading that starts with its number', (n) => {
    expect(promptOf(n)?.heading.startsWith(`${n}. `)).toBe(true);
  });

  // Q4's heading is its whole instruction: the template prints only the upload slot beneath it.
  it.each(byNumber.filter((n) => n !== 4))('question %i has a non-empty prompt', (n) => {
    const q = promptOf(n);
    expect(q?.prompt.length).toBeGreaterThan(0);
    const words = collectProse(q?.prompt, []).flatMap((p) => (p.kind === 'paragraph' ? [p.text] : p.items));
    expect(words.every((w) => w.trim().length > 0)).toBe(true);
  });

  it('question 4 is an upload instruction with no prompt beneath it', () => {
    expect(QUESTION_PROMPTS.maturityAssessment.heading).toMatch(/^4\. Please upload /);
    expect(QUESTION_PROMPTS.maturityAssessment.prompt).toEqual([]);
  });

  it('splits Q8 into its block-transfer and capital prompts, and Q13 around its upload', () => {
    expect(QUESTION_PROMPTS.otherFunding.prompt[0]).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^Block Transfers: /) });
    expect(QUESTION_PROMPTS.otherFunding.capital[0]).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^Capital: /) });
    expect(QUESTION_PROMPTS.otherFunding.heading).toContain(QUESTION_PROMPTS.otherFunding.headingLabel);
    expect(QUESTION_PROMPTS.otherFunding.heading).toContain(QUESTION_PROMPTS.otherFunding.headingQualifier);
    expect(QUESTION_PROMPTS.reportingToDfe.upload).toHaveLength(1);
  });
});

describe('labels line up with the plan model', () => {
  it('has a label for every header field the template asks for', () => {
    // The local authority code is not in Annex A: the data return carries it, the Word plan does not.
    const asked = Object.keys(Header.shape).filter((k) => k !== 'laCode');
    expect(Object.keys(HEADER_LABELS).sort()).toEqual(asked.sort());
  });

  it('uses the same Annex C levels as the risk matrix', () => {
    expect(ANNEX_C_RISK_MATRIX.impactRows.map((r) => r.level).reverse()).toEqual(ANNEX_C_MATRIX.impactLevels);
    expect(ANNEX_C_RISK_MATRIX.probabilityBands.map((b) => b.likelihood)).toEqual(ANNEX_C_MATRIX.likelihoodLevels);
  });
});
