import AdmZip from 'adm-zip';
import { demoPlan } from '../../../../src/demo/demo-plan';
import { exported, read } from '../word-files';

/**
 * Defect: withoutSentences strips every paragraph from Annex B before reading; with no table left the
 * reader returns no documents, keepsEveryWord passes trivially on zero lines, and the section is taken.
 */
it('Annex B typed as paragraphs (its table replaced) does not delete every supporting document', async () => {
  const plan = demoPlan();
  const zip = new AdmZip(await exported(plan));
  const xml = zip.readAsText('word/document.xml');
  const start = xml.indexOf('<w:tbl>', xml.indexOf('Annex B'));
  const end = xml.indexOf('</w:tbl>', start) + '</w:tbl>'.length;
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  zip.updateFile('word/document.xml', Buffer.from(xml.slice(0, start) + p('The Schools White Paper: Every Child Achieving and Thriving') + p('Our SEND strategy: on the council website') + xml.slice(end), 'utf8'));
  const result = read(plan, zip.toBuffer());
  // Before the fix (6391c36): [{ section: 'supportingDocuments', readable: true, relaid: true }] and documents === [].
  expect(result.plan.supportingDocuments.documents).toEqual(plan.supportingDocuments.documents);
});
