import type { Selectable } from 'kysely';
import type { Clock, DocumentRepository, DownloadLink, IssuedDocument, IssuedFile } from '../../app/ports';
import type { DocumentModel } from '../../domain/document.model';
import type { DownloadLinksTable, IssuedDocumentsTable, IssuedFilesTable } from './database';
import type { SqlDb } from './sql-db';

const toDocument = (r: Selectable<IssuedDocumentsTable>): IssuedDocument => ({
  hash: r.hash,
  planId: r.plan_id,
  planVersion: r.plan_version,
  kind: r.kind as IssuedDocument['kind'],
  title: r.title,
  model: JSON.parse(r.model) as DocumentModel,
  issuedAt: r.issued_at,
  issuedBy: r.issued_by,
});

const toLink = (r: Selectable<DownloadLinksTable>): DownloadLink => ({
  token: r.token,
  planId: r.plan_id,
  documentHash: r.document_hash,
  planVersion: r.plan_version,
  format: r.format as DownloadLink['format'],
  personId: r.person_id,
  signed: r.signed === 1,
  roundId: r.round_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

const toFile = (r: Selectable<IssuedFilesTable>): IssuedFile => ({
  sha256: r.sha256,
  planId: r.plan_id,
  documentHash: r.document_hash,
  planVersion: r.plan_version,
  format: r.format as IssuedFile['format'],
  signed: r.signed === 1,
});

/** Issued documents and their download links: written once, never changed. */
export class SqlDocuments implements DocumentRepository {
  constructor(
    private readonly sql: SqlDb,
    private readonly clock: Clock,
  ) {}

  async saveIssuedDocument(document: Omit<IssuedDocument, 'issuedAt'>): Promise<IssuedDocument> {
    const at = this.clock.now().toISOString();
    await this.sql.db
      .insertInto('issued_documents')
      .values({
        hash: document.hash,
        plan_id: document.planId,
        plan_version: document.planVersion,
        kind: document.kind,
        title: document.title,
        model: JSON.stringify(document.model),
        issued_at: at,
        issued_by: document.issuedBy,
      })
      .onConflict((c) => c.columns(['hash', 'plan_version']).doNothing())
      .execute();
    return (await this.loadIssuedDocument(document.hash, document.planVersion))!;
  }

  async loadIssuedDocument(hash: string, planVersion?: number): Promise<IssuedDocument | null> {
    const byHash = this.sql.db.selectFrom('issued_documents').selectAll().where('hash', '=', hash);
    const row = await (planVersion === undefined ? byHash.orderBy('plan_version').limit(1) : byHash.where('plan_version', '=', planVersion)).executeTakeFirst();
    return row ? toDocument(row) : null;
  }

  async addDownloadLink(link: Omit<DownloadLink, 'createdAt'>): Promise<DownloadLink> {
    const at = this.clock.now().toISOString();
    await this.sql.db
      .insertInto('download_links')
      .values({
        token: link.token,
        plan_id: link.planId,
        document_hash: link.documentHash,
        plan_version: link.planVersion,
        format: link.format,
        person_id: link.personId,
        signed: link.signed ? 1 : 0,
        round_id: link.roundId,
        created_at: at,
        expires_at: link.expiresAt,
      })
      .execute();
    return (await this.findDownloadLink(link.token))!;
  }

  async findDownloadLink(token: string): Promise<DownloadLink | null> {
    const row = await this.sql.db.selectFrom('download_links').selectAll().where('token', '=', token).executeTakeFirst();
    return row ? toLink(row) : null;
  }

  async recordIssuedFile(file: IssuedFile): Promise<void> {
    const at = this.clock.now().toISOString();
    await this.sql.db
      .insertInto('issued_files')
      .values({
        sha256: file.sha256,
        plan_id: file.planId,
        document_hash: file.documentHash,
        plan_version: file.planVersion,
        format: file.format,
        signed: file.signed ? 1 : 0,
        issued_at: at,
      })
      .onConflict((c) => c.column('sha256').doNothing())
      .execute();
  }

  async findIssuedFile(sha256: string): Promise<IssuedFile | null> {
    const row = await this.sql.db.selectFrom('issued_files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    return row ? toFile(row) : null;
  }
}
