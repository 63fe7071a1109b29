import { fingerprint } from '../export/fingerprint';
import { readDocxText } from '../export/docx/docx.reader';
import { findProvenance, type Provenance } from '../export/provenance';
import type { DocumentExportService } from './document-export.service';
import type { Store } from './ports';
import type { SignOffService } from './sign-off.service';

export type VerifyOutcome = 'match' | 'changed' | 'unknown' | 'no-fingerprint' | 'unreadable';

export interface VerifyResult {
  readonly outcome: VerifyOutcome;
  readonly provenance: Provenance | null;
  /** Whether that version was signed off by all five statutory signatories. */
  readonly signed: boolean;
  readonly message: string;
}

const firstDifference = (a: string, b: string): string => {
  const left = a.split('\n');
  const right = b.split('\n');
  const i = left.findIndex((line, n) => line !== right[n]);
  const at = i < 0 ? left.length : i;
  return `line ${at + 1}: "${(right[at] ?? '(missing)').slice(0, 80)}" where the issued text has "${(left[at] ?? '(nothing)').slice(0, 80)}"`;
};

/**
 * Is this file the text the bot issued? The file names its plan version and fingerprint; the
 * store holds the text with that fingerprint; the text is fingerprinted again and rendered again,
 * and the file must say exactly the same.
 */
export class DocumentVerifyService {
  constructor(
    private readonly store: Store,
    private readonly exports: DocumentExportService,
    private readonly signOff: SignOffService,
  ) {}

  async verify(bytes: Buffer, name: string): Promise<VerifyResult> {
    const isDocx = bytes.subarray(0, 2).toString('latin1') === 'PK';
    const docx = isDocx ? readDocxText(bytes) : null;
    if (isDocx && !docx) return { outcome: 'unreadable', provenance: null, signed: false, message: `${name} is not a Word file this tool can read.` };
    const text = docx ? `${docx.body}\n${docx.furniture}` : bytes.toString('utf8');
    const provenance = findProvenance(text);
    if (!provenance) return { outcome: 'no-fingerprint', provenance: null, signed: false, message: `${name} names no plan version or SHA-256: it was not exported by the bot, or that line was removed.` };
    const issued = await this.store.loadIssuedDocument(provenance.hash, provenance.version);
    const record = await this.signOff.signedRecord(provenance.version);
    const signed = record !== null && record.hash === provenance.hash;
    const label = `plan ${provenance.planId} version ${provenance.version} (SHA-256 ${provenance.hash})`;
    if (!issued || fingerprint(issued.model) !== provenance.hash) {
      return { outcome: 'unknown', provenance, signed: false, message: `${name} says it is ${label}, but no text with that fingerprint was issued from this store.` };
    }
    const expected = await this.exports.render(issued, docx ? 'docx' : 'md', provenance.signed ? record : null);
    const want = docx ? readDocxText(expected.body)!.body : expected.body.toString('utf8');
    const got = docx ? docx.body : text;
    if (want !== got || provenance.signed !== expected.provenance.signed) {
      return { outcome: 'changed', provenance, signed, message: `${name} claims to be ${label}, but its text differs from the issued text at ${firstDifference(want, got)}.` };
    }
    const state = !signed
      ? 'That version has not been signed off.'
      : provenance.signed
        ? 'It is the text signed off by all five statutory signatories.'
        : 'That text was later signed off by all five statutory signatories; this copy was made before, so it does not show the signatures.';
    return { outcome: 'match', provenance, signed, message: `${name} is exactly the issued text of ${label}. ${state}` };
  }
}
