import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors';
import type { Person } from '../domain/people.schema';
import { hasRole } from '../domain/people.schema';
import { importWord, type WordImport } from '../domain/word-import/word-import';
import { readWordStructure } from '../export/docx/docx.structure';
import type { PlanDocumentService } from './plan-document.service';
import type { Store } from './ports';

export interface ImportPreview extends WordImport {
  /** The plan version the file was compared with. */
  readonly version: number;
}

/** Who imports: the SRO in Teams, or the administrator at the command line (`'command-line'`). */
export type Importer = Person | 'command-line';

/**
 * A filled Annex A in Word, read back into the plan. Reading never writes; taking the changes
 * writes one new version, based on the version the file was compared with, audited as imported
 * from the file, and a retry with the same file writes nothing more.
 */
export class WordImportService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly documents: PlanDocumentService,
  ) {}

  async preview(who: Importer, bytes: Buffer, fileName: string): Promise<ImportPreview> {
    this.mayImport(who);
    const blocks = readWordStructure(bytes, fileName);
    const [snapshot, compile] = await Promise.all([this.store.loadPlan(this.planId), this.documents.compiler()]);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${this.planId}`, { planId: this.planId });
    return { ...importWord(snapshot.plan, blocks, compile), version: snapshot.version };
  }

  /** Takes every readable change as one new version; none when nothing would change. */
  async apply(who: Importer, bytes: Buffer, fileName: string): Promise<{ preview: ImportPreview; version: number | null }> {
    const preview = await this.preview(who, bytes, fileName);
    const taken = preview.changes.filter((c) => c.readable);
    if (!taken.length) return { preview, version: null };
    const digest = createHash('sha256').update(bytes).digest('hex');
    const result = await this.store.savePlan(this.planId, preview.version, preview.plan, {
      actorId: who === 'command-line' ? 'command-line' : who.id,
      summary: `Imported from ${fileName}: ${taken.map((c) => c.label).join(', ')}`,
      // The same file on the same version is one import, however often it is sent.
      requestId: `word-import:${preview.version}:${digest}`,
    });
    return { preview, version: result.snapshot.version };
  }

  private mayImport(who: Importer): void {
    if (who !== 'command-line' && !hasRole(who, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can import a Word file into the plan.");
  }
}
