import { createHash, randomBytes } from 'node:crypto';
import type { DocumentModel } from '../domain/document.model';
import { DomainError, isDomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import { signDocument, type SignOffRecord } from '../domain/plan.compile';
import { documentCharacters, MAX_WORD_CHARACTERS, renderFile, wordFits, type FileFormat, type RenderedFile } from '../export/document-file';
import { fingerprint } from '../export/fingerprint';
import type { Provenance } from '../export/provenance';
import type { PlanDocumentService } from './plan-document.service';
import type { Clock, DownloadLink, IssuedDocument, Store } from './ports';
import type { ReportService } from './report.service';
import type { SignOffService } from './sign-off.service';

export interface ExportedFile extends RenderedFile {
  readonly fileName: string;
  readonly provenance: Provenance;
}

export type LinkTarget = { readonly kind: 'plan' } | { readonly kind: 'report'; readonly quarter?: string };

export type OpenedLink = { readonly status: 'ok'; readonly file: ExportedFile } | { readonly status: 'not-found' } | { readonly status: 'gone'; readonly reason: string };

const DAY_MS = 86_400_000;
/** A round left open this long is stale: its link stops working and the SRO sends the plan again. */
const OPEN_ROUND_LINK_DAYS = 90;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The plan is for the SRO and the signatories; the report also for the workstream leads. */
const mayHave = (person: Person, kind: IssuedDocument['kind']): boolean =>
  hasRole(person, 'sro') || hasRole(person, 'signatory') || (kind === 'report' && hasRole(person, 'workstream-lead'));


/**
 * Files people take away: the plan as Annex A, the quarterly report, and personal links to them.
 * A signed version is always exported as the text that was signed, with its signatures.
 */
export class DocumentExportService {
  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly planId: string;
      readonly clock: Clock;
      readonly documents: PlanDocumentService;
      readonly signOff: SignOffService;
      readonly reports: ReportService;
      readonly linkDays: number;
    },
  ) {}

  /** The plan as it leaves the building now: the signed text where this version was signed, else the text as it stands. */
  async issuePlan(actorId: string): Promise<{ issued: IssuedDocument; signOff: SignOffRecord | null }> {
    const { snapshot } = await this.deps.documents.compileCurrent();
    const signOff = await this.deps.signOff.signedRecord(snapshot.version);
    if (signOff) {
      const signed = await this.deps.store.loadIssuedDocument(signOff.hash, signOff.version);
      if (signed) return { issued: signed, signOff };
    }
    return { issued: await this.deps.documents.issueCurrent(actorId), signOff: null };
  }

  /** The plan as a file for the command line, which runs in a process of its own: no size limit for Word. */
  async planFile(actorId: string, format: FileFormat): Promise<ExportedFile> {
    const { issued, signOff } = await this.issuePlan(actorId);
    return this.render(issued, format, signOff, { wholeProcess: true });
  }

  async issueReport(actorId: string, quarter?: string): Promise<IssuedDocument> {
    const { document, version } = await this.deps.reports.report(quarter);
    return this.deps.store.saveIssuedDocument({ hash: fingerprint(document), planId: this.deps.planId, planVersion: version, kind: 'report', title: document.title, model: document, issuedBy: actorId });
  }

  async reportFile(actorId: string, format: FileFormat, quarter?: string): Promise<ExportedFile> {
    return this.render(await this.issueReport(actorId, quarter), format, null, { wholeProcess: true });
  }

  /**
   * Personal links, one per format, that work for `linkDays` days. The text is issued once, so
   * every link names the same version and fingerprint. The plan is for the SRO and the signatories.
   */
  async createLinks(person: Person, target: LinkTarget, formats: readonly FileFormat[]): Promise<{ link: DownloadLink; fileName: string }[]> {
    if (!mayHave(person, target.kind)) {
      throw new DomainError(
        'AUTH.FORBIDDEN',
        target.kind === 'plan'
          ? 'The Word copy of the plan is for the SRO and the signatories. Ask the SRO if you need one.'
          : 'The highlight report is for the SRO, the workstream leads and the signatories.',
      );
    }
    const { issued, signed } =
      target.kind === 'plan'
        ? await this.issuePlan(person.id).then(({ issued, signOff }) => ({ issued, signed: signOff !== null }))
        : { issued: await this.issueReport(person.id, target.quarter), signed: false };
    // Said now, in Teams, rather than by a link that fails later in the browser.
    if (formats.includes('docx') && !wordFits(issued.model)) {
      throw new DomainError('DOCUMENT.TOO_LARGE', 'The document is too large to make as a Word file here.', { characters: documentCharacters(issued.model), max: MAX_WORD_CHARACTERS });
    }
    const expiresAt = new Date(this.deps.clock.now().getTime() + this.deps.linkDays * DAY_MS).toISOString();
    const links: { link: DownloadLink; fileName: string }[] = [];
    for (const format of formats) {
      const link = await this.deps.store.addDownloadLink({
        token: randomBytes(24).toString('base64url'),
        planId: this.deps.planId,
        documentHash: issued.hash,
        planVersion: issued.planVersion,
        format,
        personId: person.id,
        signed,
        roundId: null,
        expiresAt,
      });
      links.push({ link, fileName: fileNameOf(issued, format) });
    }
    return links;
  }

  /** What a download link gives now: the file, or why it no longer works. */
  async openLink(token: string): Promise<OpenedLink> {
    const link = await this.deps.store.findDownloadLink(token);
    if (!link || link.planId !== this.deps.planId) return { status: 'not-found' };
    if (Date.parse(link.expiresAt) <= this.deps.clock.now().getTime()) return { status: 'gone', reason: 'This link has expired. Ask the bot for a new one.' };
    if (link.roundId) {
      const round = await this.deps.store.loadRound(link.roundId);
      if (!round || round.round.status === 'voided') return { status: 'gone', reason: 'The plan changed after this version was sent for sign-off, so this copy no longer counts.' };
    }
    const issued = await this.deps.store.loadIssuedDocument(link.documentHash, link.planVersion);
    if (!issued) return { status: 'not-found' };
    // The link is for one person: it stops working if they leave the roster or lose the role.
    const owner = await this.deps.store.findPerson(link.personId);
    if (!owner || !mayHave(owner, issued.kind)) return { status: 'gone', reason: 'The person this link was made for no longer has access to this document.' };
    const signOff = link.signed ? await this.deps.signOff.signedRecord(link.planVersion) : null;
    return this.opened(issued, link.format, signOff);
  }

  /**
   * The plan exactly as sent for sign-off, from the link in a signatory's card: while the round is
   * open, and for the link lifetime after it was signed; never once the round is voided.
   */
  async openSentPlan(token: string, format: FileFormat): Promise<OpenedLink> {
    const round = await this.deps.store.findRoundByToken(token);
    if (!round || round.planId !== this.deps.planId) return { status: 'not-found' };
    if (round.status === 'voided') return { status: 'gone', reason: 'The plan changed after this version was sent for sign-off, so this copy no longer counts.' };
    if (round.status === 'open' && Date.parse(round.requestedAt) + OPEN_ROUND_LINK_DAYS * DAY_MS <= this.deps.clock.now().getTime()) {
      return { status: 'gone', reason: 'This sign-off request is too old to open. Ask the SRO to send the plan again.' };
    }
    if (round.status === 'signed' && round.closedAt && Date.parse(round.closedAt) + this.deps.linkDays * DAY_MS <= this.deps.clock.now().getTime()) {
      return { status: 'gone', reason: 'This link has expired. Ask the bot for the signed plan with "export".' };
    }
    const issued = await this.deps.store.loadIssuedDocument(round.planHash, round.planVersion);
    if (!issued) return { status: 'not-found' };
    const signOff = round.status === 'signed' ? await this.deps.signOff.signedRecord(round.planVersion) : null;
    return this.opened(issued, format, signOff);
  }

  /** A link's file, or, for one too large to make as a Word file here, why not (the browser shows it). */
  private async opened(issued: IssuedDocument, format: FileFormat, signOff: SignOffRecord | null): Promise<OpenedLink> {
    try {
      return { status: 'ok', file: await this.render(issued, format, signOff) };
    } catch (error) {
      if (!isDomainError(error, 'DOCUMENT.TOO_LARGE')) throw error;
      return { status: 'gone', reason: 'This document is too large to make as a Word file here. Ask your administrator to export it with npm run plan -- export on the server, which makes it in a process of its own.' };
    }
  }

  /** Renders an issued document; a signed one carries its signatures, and both name the fingerprint of the text as sent. */
  async render(issued: IssuedDocument, format: FileFormat, signOff: SignOffRecord | null, options: { wholeProcess?: boolean } = {}): Promise<ExportedFile> {
    const model: DocumentModel = signOff && signOff.hash === issued.hash ? signDocument(issued.model, signOff) : issued.model;
    const provenance: Provenance = { planId: issued.planId, version: issued.planVersion, hash: issued.hash, signed: model !== issued.model, ...(issued.kind === 'report' ? { kind: 'report' as const } : {}) };
    const file = await renderFile(model, format, provenance, options);
    // Every file handed out is remembered by its bytes, so verify can recognise this very file.
    await this.deps.store.recordIssuedFile({ sha256: sha256(file.body), planId: issued.planId, documentHash: issued.hash, planVersion: issued.planVersion, format, signed: provenance.signed ?? false });
    return { ...file, fileName: fileNameOf(issued, format), provenance };
  }
}

export const fileNameOf = (issued: IssuedDocument, format: FileFormat): string => {
  const base = issued.kind === 'plan' ? `local-send-reform-plan-${issued.planId}-v${issued.planVersion}` : `highlight-report-${issued.planId}-v${issued.planVersion}-${issued.hash.slice(0, 8)}`;
  return `${base}.${format}`;
};
