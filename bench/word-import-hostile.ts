import AdmZip from 'adm-zip';
import { blankPlan } from '../src/domain/blank-plan';
import { countFeedback } from '../src/domain/feedback.schema';
import { compileAnnexA } from '../src/domain/plan.compile';
import type { Plan } from '../src/domain/plan.schema';
import type { WordBlock } from '../src/domain/word-import/word-blocks';
import { importWord } from '../src/domain/word-import/word-import';
import { renderDocx } from '../src/export/docx/docx.renderer';
import { readWordStructure } from '../src/export/docx/docx.structure';
import { fingerprint } from '../src/export/fingerprint';

/**
 * Small Word files shaped to make the import slow (a reviewer's finds: work that grew with lines ×
 * bold runs, and with rows × rows). `npm run bench -- --in-process` times each; no unit test does.
 */
const compile = (plan: Plan) => compileAnnexA(plan, { coProduction: { items: [], counts: countFeedback([]) } });

/** One paragraph of 20,000 bold runs, each ending in a line break, added to the plan's own export (about 110 KB). */
export const boldRunsFile = async (plan: Plan): Promise<WordBlock[]> => {
  const model = compile(plan);
  const zip = new AdmZip(await renderDocx(model, { provenance: { planId: 'p', version: 1, hash: fingerprint(model) } }));
  const xml = zip.readAsText('word/document.xml');
  const runs = Array.from({ length: 20_000 }, (_, i) => `<w:r><w:rPr><w:b/></w:rPr><w:t>b${i}</w:t><w:br/></w:r>`).join('');
  const at = xml.indexOf('</w:body>');
  zip.updateFile('word/document.xml', Buffer.from(`${xml.slice(0, at)}<w:p>${runs}</w:p>${xml.slice(at)}`, 'utf8'));
  return [...readWordStructure(zip.toBuffer(), 'bold-runs.docx')];
};

/** Q11 as a table of 20,000 rows under "Scope | Dependency | …", the scope merged down over all of them. */
export const longDependencyTable = (): WordBlock[] => {
  const cell = (text: string, continues = false) => ({ text, span: 1, ...(continues ? { continues: true as const } : {}) });
  const paragraph = (text: string, style: string): WordBlock => ({ kind: 'paragraph', text, style, listed: false, bold: [] });
  const rows = [
    [cell('Scope'), cell('Dependency'), cell('How we will manage it')],
    [cell('National'), cell('NHS reforms'), cell('Work with the ICB')],
    ...Array.from({ length: 20_000 }, (_, i) => [cell('', true), cell(`Dependency ${i}`), cell('We will manage it')]),
  ];
  return [paragraph('Annex A: Local SEND Reform Plan', 'Heading1'), paragraph('11. Dependencies', 'Heading2'), { kind: 'table', rows }];
};

export const importBlocks = (plan: Plan, blocks: readonly WordBlock[]) => importWord(plan, blocks, compile);
export const blank = () => blankPlan();
