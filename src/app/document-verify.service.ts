import { createHash } from 'node:crypto';
import { fingerprint } from '../export/fingerprint';
import { findProvenance, type Provenance } from '../export/provenance';
import type { DocumentExportService } from './document-export.service';
import type { Store } from './ports';
import type { SignOffService } from './sign-off.service';

/**
 * match: this very file was issued by the bot. same-words: its words are an issued text, but the
 * file itself is not one the bot made (re-saved, or changed in ways words alone cannot show).
 */
export type VerifyOutcome = 'match' | 'same-words' | 'changed' | 'unknown' | 'no-fingerprint' | 'unreadable';

export interface VerifyResult {
  readonly outcome: VerifyOutcome;
  readonly provenance: Provenance | null;
  /** Whether that version was signed off by all five statutory signatories. */
  readonly signed: boolean;
  readonly message: string;
}

/** Bigger than any plan export: refused rather than read. */
const MAX_FILE_BYTES = 25 * 1024 * 1024;

/** A file's words quoted back to a terminal: no control characters, which could rewrite the screen. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const quoteSafe = (text: string) => text.replace(/[\u0000-\u001F\u007F-\u009F]/g, '?').slice(0, 80);

const firstDifference = (issued: string, file: string): string => {
  const want = issued.split('\n');
  const got = file.split('\n');
  const i = want.findIndex((line, n) => line !== got[n]);
  const at = i < 0 ? want.length : i;
  return `line ${at + 1}: "${quoteSafe(got[at] ?? '(missing)')}" where the issued text has "${quoteSafe(want[at] ?? '(nothing)')}"`;
};

/**
 * Is this file the text the bot issued? First by its bytes: every file the bot hands out is
 * remembered by its SHA-256. Failing that, by its words: the file names its plan version and
 * fingerprint, the store holds the text with that fingerprint, and the text rendered again must
 * read the same; but only the bytes can say it is this very file.
 */
export class DocumentVerifyService {
  constructor(
    private readonly store: Store,
    private readonly exports: DocumentExportService,
    private readonly signOff: SignOffService,
  ) {}

  async verify(bytes: Buffer, name: string): Promise<VerifyResult> {
    if (bytes.length > MAX_FILE_BYTES) return { outcome: 'unreadable', provenance: null, signed: false, message: `${name} is far bigger than any plan export, so it was not read.` };
    const file = await this.store.findIssuedFile(createHash('sha256').update(bytes).digest('hex'));
    if (file) return this.issuedFile(name, file);
    const isDocx = bytes.subarray(0, 2).toString('latin1') === 'PK';
    // Loaded when a file is first verified (a command-line check), not held by every process.
    const { readDocxText } = await import('../export/docx/docx.reader');
    const docx = isDocx ? readDocxText(bytes) : null;
    if (isDocx && !docx) return { outcome: 'unreadable', provenance: null, signed: false, message: `${name} is not a Word file this tool can read.` };
    const text = docx ? docx.body : bytes.toString('utf8').replace(/\r\n/g, '\n');
    // The export writes its provenance last (Word: in the footer), after anything a person typed.
    const provenance = findProvenance(docx ? docx.furniture : text);
    if (!provenance) return { outcome: 'no-fingerprint', provenance: null, signed: false, message: `${name} names no plan version or SHA-256: it was not exported by the bot, or that line was removed.` };
    const label = `plan ${provenance.planId} version ${provenance.version} (SHA-256 ${provenance.hash})`;
    const issued = await this.store.loadIssuedDocument(provenance.hash, provenance.version);
    if (!issued || fingerprint(issued.model) !== provenance.hash) {
      return { outcome: 'unknown', provenance, signed: false, message: `${name} says it is ${label}, but no text with that fingerprint was issued from this store.` };
    }
    const record = await this.signOff.signedRecord(provenance.version);
    const signed = record !== null && record.hash === provenance.hash;
    const expected = await this.exports.render(issued, docx ? 'docx' : 'md', provenance.signed ? record : null);
    const want = docx ? readDocxText(expected.body)!.body : expected.body.toString('utf8');
    if (want !== text || provenance.signed !== expected.provenance.signed) {
      return { outcome: 'changed', provenance, signed, message: `${name} claims to be ${label}, but its text differs from the issued text at ${firstDifference(want, text)}.` };
    }
    return {
      outcome: 'same-words',
      provenance,
      signed,
      message: `${name} has the words of ${label}, but it is not byte for byte a file the bot issued: it was saved again or changed, so hidden text or formatting cannot be ruled out. Export it again for a copy that verifies.`,
    };
  }

  private async issuedFile(name: string, file: { planId: string; planVersion: number; documentHash: string; signed: boolean }): Promise<VerifyResult> {
    const record = await this.signOff.signedRecord(file.planVersion);
    const signed = record !== null && record.hash === file.documentHash;
    const provenance: Provenance = { planId: file.planId, version: file.planVersion, hash: file.documentHash, signed: file.signed };
    const state = !signed
      ? 'That version has not been signed off.'
      : file.signed
        ? 'It is the text signed off by all five statutory signatories.'
        : 'That text was later signed off by all five statutory signatories; this copy was made before, so it does not show the signatures.';
    return { outcome: 'match', provenance, signed, message: `${name} is exactly a file the bot issued: plan ${file.planId} version ${file.planVersion} (SHA-256 of the text ${file.documentHash}). ${state}` };
  }
}
