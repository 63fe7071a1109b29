import AdmZip from 'adm-zip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLIND_WORD } from '../../../bench/word-import.score';
import { blankPlan } from '../../../src/domain/blank-plan';
import { countFeedback } from '../../../src/domain/feedback.schema';
import { compileAnnexA } from '../../../src/domain/plan.compile';
import type { Plan } from '../../../src/domain/plan.schema';
import type { WordBlock } from '../../../src/domain/word-import/word-blocks';
import { importWord, type WordImport } from '../../../src/domain/word-import/word-import';
import { renderDocx } from '../../../src/export/docx/docx.renderer';
import { readWordStructure } from '../../../src/export/docx/docx.structure';
import { fingerprint } from '../../../src/export/fingerprint';

/** What the import tests share: the plan compiled and exported as the bot does, files read back, Word blocks made by hand. */
export const compile = (plan: Plan) => compileAnnexA(plan, { coProduction: { items: [], counts: countFeedback([]) } });

export const exported = (plan: Plan) => renderDocx(compile(plan), { provenance: { planId: 'p', version: 1, hash: fingerprint(compile(plan)) } });

/** A file read back into the plan it was made from (or any plan). */
export const read = (plan: Plan, file: Buffer) => importWord(plan, readWordStructure(file, 'plan.docx'), compile);

/** The exported file with one piece of its text changed, as a partner would in Word. */
export const edited = (file: Buffer, from: string, to: string): Buffer => {
  const zip = new AdmZip(file);
  const xml = zip.readAsText('word/document.xml');
  if (!xml.includes(from)) throw new Error(`"${from}" is not in the file`);
  zip.updateFile('word/document.xml', Buffer.from(xml.replace(from, to), 'utf8'));
  return zip.toBuffer();
};

/** A partnership's own plan from the blind set's dev/ folder, imported into a blank Annex A. */
export const importedBlind = (name: string) => importWord(blankPlan(), readWordStructure(readFileSync(join(BLIND_WORD, 'dev', name)), name), compile);

/** What the import says of one section. */
export const taken = (result: WordImport, section: string) => result.changes.find((c) => c.section === section);

export const paragraph = (text: string, style: string | null = null, bold: string[] = []): WordBlock => ({ kind: 'paragraph', text, style, listed: false, bold });

/** A table of plain cells; `fill` shades its empty ones. */
export const table = (rows: string[][], fill?: string): WordBlock => ({ kind: 'table', rows: rows.map((r) => r.map((text) => (fill && !text ? { text, span: 1, fill } : { text, span: 1 }))) });
