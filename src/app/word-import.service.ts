import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors';
import type { Person } from '../domain/people.schema';
import { hasRole } from '../domain/people.schema';
import type { WordImport } from '../domain/word-import/word-import';
import { sectionLabel } from '../domain/plan.sections';
import { SECTION_KEYS, type Plan, type SectionKey } from '../domain/plan.schema';
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
    // Loaded when a Word file is first sent: most turns never read one, and the process need not hold the reader.
    const [{ readWordStructure }, { importWord }] = await Promise.all([import('../export/docx/docx.structure'), import('../domain/word-import/word-import')]);
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

  /**
   * In Teams: each section the file would change becomes the SRO's draft of it, to review on its
   * own card. A draft the SRO already has is never overwritten: it is named, and the file's
   * version of that section is not kept.
   */
  async stage(sro: Person, bytes: Buffer, fileName: string): Promise<{ preview: ImportPreview; staged: SectionKey[]; keptOwnDraft: SectionKey[] }> {
    const preview = await this.preview(sro, bytes, fileName);
    const staged: SectionKey[] = [];
    const keptOwnDraft: SectionKey[] = [];
    for (const change of preview.changes.filter((c) => c.readable)) {
      const own = await this.store.loadDraft(sro.id, this.planId, change.section);
      if (own) {
        keptOwnDraft.push(change.section);
        continue;
      }
      await this.store.saveDraft({ personId: sro.id, planId: this.planId, section: change.section, baseVersion: preview.version, step: 0, content: preview.plan[change.section] });
      staged.push(change.section);
    }
    return { preview, staged, keptOwnDraft };
  }

  /**
   * Take all: the SRO's drafts of these sections, made from the file on this version, as one new
   * version audited as imported from the file. The take is known by what it takes (the version and
   * the sections), so pressing the card again, or a second card for the same file, is answered
   * "already taken"; a plan changed since the file was read, or a draft changed or gone, changes nothing.
   */
  async takeAll(sro: Person, input: { version: number; sections: readonly SectionKey[]; fileName: string }): Promise<{ version: number; sections: SectionKey[]; already: boolean }> {
    this.mayImport(sro);
    // In the template's order, however the card listed them.
    const sections = SECTION_KEYS.filter((key) => input.sections.includes(key));
    const requestId = `word-take:${createHash('sha256').update(JSON.stringify([this.planId, input.version, sections])).digest('hex').slice(0, 40)}`;
    const applied = await this.store.appliedRequest(requestId);
    if (applied) return { version: applied.version, sections, already: true };
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${this.planId}`, { planId: this.planId });
    if (snapshot.version !== input.version) {
      throw new DomainError('IMPORT.STALE', 'The plan has changed since that file was read, so nothing was taken from it. Send the file again to see what it would change now.');
    }
    let plan = snapshot.plan;
    for (const section of sections) {
      const draft = await this.store.loadDraft(sro.id, this.planId, section);
      if (!draft || draft.baseVersion !== input.version) {
        throw new DomainError('INPUT.INVALID', `Your draft of ${sectionLabel(section)} from that file is no longer there, so nothing was taken. Send the file again.`);
      }
      plan = { ...plan, [section]: draft.content } as Plan;
    }
    const result = await this.store.savePlan(this.planId, input.version, plan, {
      actorId: sro.id,
      summary: `Imported from ${input.fileName}: ${sections.map(sectionLabel).join(', ')}`,
      requestId,
    });
    for (const section of sections) await this.store.deleteDraft(sro.id, this.planId, section);
    return { version: result.snapshot.version, sections, already: false };
  }

  /** Only the SRO imports in Teams: asked before a file is even fetched. */
  mayImport(who: Importer): void {
    if (who !== 'command-line' && !hasRole(who, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can import a Word file into the plan.");
  }
}
