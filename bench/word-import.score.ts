import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUESTION_PROMPTS } from '../src/domain/annex-a.text';
import { blankPlan } from '../src/domain/blank-plan';
import { countFeedback } from '../src/domain/feedback.schema';
import { compileAnnexA } from '../src/domain/plan.compile';
import type { Plan, SectionKey } from '../src/domain/plan.schema';
import { normalise } from '../src/domain/word-import/normalise';
import { canonicalText, cutModel } from '../src/domain/word-import/plan-sections';
import { importWord, type WordImport } from '../src/domain/word-import/word-import';
import { readWordStructure } from '../src/export/docx/docx.structure';
import { fromRoot } from '../src/paths';

/**
 * Partnerships' own Word plans, written blind (test/fixtures/word-blind/README.md), imported into
 * a blank Annex A and scored against what their writer said a correct import must find.
 */
export interface Check {
  readonly where: string;
  readonly kind: 'text' | 'count' | 'empty';
  readonly value?: string | number;
  readonly what?: string;
}

export const BLIND_WORD = fromRoot('test', 'fixtures', 'word-blind');
/** `dev` or `held-out` under BLIND_WORD, or any folder of .docx files with their .expected.json. */
const folderOf = (set: string): string => (set === 'dev' || set === 'held-out' ? join(BLIND_WORD, set) : set);

/** A check's section, or Annex C's matrix (printed by the plan, kept by none of its sections). */
const sectionOf = (where: string): SectionKey | 'annex-c' | undefined => {
  if (where === 'annex-c') return 'annex-c';
  if (where === 'header') return 'header';
  if (where === 'signatories') return 'signatories';
  if (where === 'executive-summary') return 'executiveSummary';
  if (where === 'annex-b') return 'supportingDocuments';
  const n = /^Q(\d{1,2})$/.exec(where)?.[1];
  return (Object.entries(QUESTION_PROMPTS) as [SectionKey, { number: number }][]).find(([, q]) => q.number === Number(n))?.[0];
};

const COUNTS: Record<string, (plan: Plan) => number> = {
  'signatories-named': (p) => p.signatories.filter((s) => s.name).length,
  goals: (p) => p.visionAndGoals.goals.length,
  workstreams: (p) => p.deliveryPlan.workstreams.length,
  'funding-sources': (p) => p.deliveryPlan.fundingSources.length,
  'spend-lines': (p) => p.deliveryPlan.spend.length,
  'headline-risks': (p) => p.risks.risks.filter((r) => r.status === 'open' && r.headline).length,
  dependencies: (p) => p.dependencies.items.filter((d) => d.status === 'open').length,
  'governance-rows': (p) => p.governance.mechanisms.length,
  'annex-b-documents': (p) => p.supportingDocuments.documents.length,
};

const compile = (plan: Plan) => compileAnnexA(plan, { coProduction: { items: [], counts: countFeedback([]) } });

/** A section's words as the imported plan prints them, bullets and cell borders aside. */
const wordsIn = (plan: Plan, key: SectionKey | 'annex-c'): string =>
  normalise(
    canonicalText(cutModel(compile(plan)).filter((s) => s.region === key).flatMap((s) => s.lines))
      .replace(/ \| /g, ' ')
      .replace(/\n/g, ' '),
  );

export interface FileScore {
  readonly file: string;
  readonly result: WordImport;
  readonly checks: { readonly check: Check; readonly passed: boolean; readonly got?: string | number }[];
}

export const scoreFile = (dir: string, name: string): FileScore => {
  const expected = JSON.parse(readFileSync(join(dir, name.replace(/\.docx$/, '.expected.json')), 'utf8')) as { checks: Check[] };
  const blank = blankPlan();
  const result = importWord(blank, readWordStructure(readFileSync(join(dir, name)), name), compile);
  const checks = expected.checks.map((check) => {
    const key = sectionOf(check.where);
    if (!key) return { check, passed: false, got: 'no such section' };
    if (check.kind === 'count') {
      const got = COUNTS[check.what ?? '']?.(result.plan);
      return { check, passed: got === check.value, got };
    }
    if (check.kind === 'empty') return { check, passed: key !== 'annex-c' && JSON.stringify(result.plan[key]) === JSON.stringify(blank[key]) };
    return { check, passed: wordsIn(result.plan, key).includes(normalise(String(check.value))) };
  });
  return { file: name, result, checks };
};

export const scoreAll = (set: string): FileScore[] => {
  const dir = folderOf(set);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.docx'))
    .sort()
    .map((f) => scoreFile(dir, f));
};

/** npm run bench -- --word-import [dev|held-out|DIR] [--misses]: per file, sections taken and checks passed. */
export const wordImportScore = (argv: readonly string[]): void => {
  const dir = argv.find((a) => !a.startsWith('--')) ?? 'dev';
  let passed = 0;
  let total = 0;
  for (const score of scoreAll(dir)) {
    const ok = score.checks.filter((c) => c.passed).length;
    passed += ok;
    total += score.checks.length;
    const taken = score.result.changes.filter((c) => c.readable).length;
    process.stdout.write(`${score.file}: ${taken}/${score.result.changes.length} changed sections taken, ${ok}/${score.checks.length} checks passed, ${score.result.unplaced.length} named as not placed\n`);
    if (argv.includes('--misses')) {
      for (const c of score.result.changes.filter((x) => !x.readable)) process.stdout.write(`  not taken: ${c.label}: ${c.reason}\n`);
      for (const u of score.result.unplaced) process.stdout.write(`  not placed: ${u}\n`);
      for (const c of score.checks.filter((x) => !x.passed)) process.stdout.write(`  miss: ${JSON.stringify(c.check).slice(0, 160)}${c.got === undefined ? '' : ` (got ${c.got})`}\n`);
    }
  }
  process.stdout.write(`all files: ${passed}/${total} checks passed (${((100 * passed) / Math.max(1, total)).toFixed(1)}%)\n`);
};
