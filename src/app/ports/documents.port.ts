import type { DocumentModel } from '../../domain/document.model';

/** A compiled document that left the bot, kept exactly as fingerprinted. */
export interface IssuedDocument {
  readonly hash: string;
  readonly planId: string;
  readonly planVersion: number;
  readonly kind: 'plan' | 'report';
  readonly title: string;
  readonly model: DocumentModel;
  readonly issuedAt: string;
  readonly issuedBy: string;
}

export type DownloadFormat = 'docx' | 'md';

/** A personal, expiring link to one issued document. */
export interface DownloadLink {
  readonly token: string;
  readonly planId: string;
  readonly documentHash: string;
  readonly planVersion: number;
  readonly format: DownloadFormat;
  readonly personId: string;
  /** The file carries the signatures of a completed sign-off. */
  readonly signed: boolean;
  /** A link sent with a sign-off round stops working when the round is voided. */
  readonly roundId: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** One file made from an issued document, known by the SHA-256 of its bytes. */
export interface IssuedFile {
  readonly sha256: string;
  readonly planId: string;
  readonly documentHash: string;
  readonly planVersion: number;
  readonly format: DownloadFormat;
  readonly signed: boolean;
}

export interface DocumentRepository {
  /** Keeps a document; issuing the same text for the same version again returns the first. */
  saveIssuedDocument(document: Omit<IssuedDocument, 'issuedAt'>): Promise<IssuedDocument>;
  loadIssuedDocument(hash: string, planVersion?: number): Promise<IssuedDocument | null>;
  addDownloadLink(link: Omit<DownloadLink, 'createdAt'>): Promise<DownloadLink>;
  findDownloadLink(token: string): Promise<DownloadLink | null>;
  /** Remembers a file's bytes by their SHA-256; recording the same file again changes nothing. */
  recordIssuedFile(file: IssuedFile): Promise<void>;
  findIssuedFile(sha256: string): Promise<IssuedFile | null>;
}
