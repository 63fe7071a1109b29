import type { DownloadLink, IssuedDocument, IssuedFile } from '../../app/ports';
import type { DocumentModel } from '../../domain/document.model';
import type { SqlDb } from './sql-db';

interface DocumentRow {
  hash: string;
  plan_id: string;
  plan_version: number;
  kind: IssuedDocument['kind'];
  title: string;
  model: string;
  issued_at: string;
  issued_by: string;
}
const toDocument = (r: DocumentRow): IssuedDocument => ({
  hash: r.hash,
  planId: r.plan_id,
  planVersion: r.plan_version,
  kind: r.kind,
  title: r.title,
  model: JSON.parse(r.model) as DocumentModel,
  issuedAt: r.issued_at,
  issuedBy: r.issued_by,
});

interface LinkRow {
  token: string;
  plan_id: string;
  document_hash: string;
  plan_version: number;
  format: DownloadLink['format'];
  person_id: string;
  signed: number;
  round_id: string | null;
  created_at: string;
  expires_at: string;
}
const toLink = (r: LinkRow): DownloadLink => ({
  token: r.token,
  planId: r.plan_id,
  documentHash: r.document_hash,
  planVersion: r.plan_version,
  format: r.format,
  personId: r.person_id,
  signed: r.signed === 1,
  roundId: r.round_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

/** Issued documents and their download links: written once, never changed. */
export class SqlDocuments {
  constructor(private readonly db: SqlDb) {}

  async save(document: Omit<IssuedDocument, 'issuedAt'>, at: string): Promise<IssuedDocument> {
    await this.db.run(
      `INSERT INTO issued_documents (hash, plan_id, plan_version, kind, title, model, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (hash, plan_version) DO NOTHING`,
      document.hash,
      document.planId,
      document.planVersion,
      document.kind,
      document.title,
      JSON.stringify(document.model),
      at,
      document.issuedBy,
    );
    return (await this.load(document.hash, document.planVersion))!;
  }

  async load(hash: string, planVersion?: number): Promise<IssuedDocument | null> {
    const row =
      planVersion === undefined
        ? await this.db.get<DocumentRow>('SELECT * FROM issued_documents WHERE hash = ? ORDER BY plan_version LIMIT 1', hash)
        : await this.db.get<DocumentRow>('SELECT * FROM issued_documents WHERE hash = ? AND plan_version = ?', hash, planVersion);
    return row ? toDocument(row) : null;
  }

  async addLink(link: Omit<DownloadLink, 'createdAt'>, at: string): Promise<DownloadLink> {
    await this.db.run(
      `INSERT INTO download_links (token, plan_id, document_hash, plan_version, format, person_id, signed, round_id, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      link.token,
      link.planId,
      link.documentHash,
      link.planVersion,
      link.format,
      link.personId,
      link.signed ? 1 : 0,
      link.roundId,
      at,
      link.expiresAt,
    );
    return (await this.findLink(link.token))!;
  }

  async findLink(token: string): Promise<DownloadLink | null> {
    const row = await this.db.get<LinkRow>('SELECT * FROM download_links WHERE token = ?', token);
    return row ? toLink(row) : null;
  }

  async recordFile(file: IssuedFile, at: string): Promise<void> {
    await this.db.run(
      `INSERT INTO issued_files (sha256, plan_id, document_hash, plan_version, format, signed, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO NOTHING`,
      file.sha256,
      file.planId,
      file.documentHash,
      file.planVersion,
      file.format,
      file.signed ? 1 : 0,
      at,
    );
  }

  async findFile(sha256: string): Promise<IssuedFile | null> {
    const row = await this.db.get<{ sha256: string; plan_id: string; document_hash: string; plan_version: number; format: IssuedFile['format']; signed: number }>(
      'SELECT * FROM issued_files WHERE sha256 = ?',
      sha256,
    );
    return row ? { sha256: row.sha256, planId: row.plan_id, documentHash: row.document_hash, planVersion: row.plan_version, format: row.format, signed: row.signed === 1 } : null;
  }
}
