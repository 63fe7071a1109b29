import type { SectionKey } from '../../domain/plan.schema';
import { fieldChanges, rowWords } from '../change-words';
import { displayValue, getAt } from '../questionnaire/form-values';
import { SECTION_FORMS } from '../questionnaire/section-forms';
import type { AuditEntry, PlanSnapshot } from '../ports';
import type { SectionEditContext } from './section-edit.context';
import type { CardPosition, ChangeView, ConflictView, Values } from './section-edit.types';
import { typedValue } from './section-form.engine';

/**
 * Nobody's change is silently overwritten: when a section has moved on since a card or draft
 * was based on it, the person sees who changed what, beside their own answers.
 */
export class EditConflicts {
  constructor(private readonly context: SectionEditContext) {}

  async changesSince(section: SectionKey, version: number): Promise<AuditEntry[]> {
    return this.context.store.listAudit(this.context.planId, { keyPrefix: section, sinceVersion: version });
  }

  /** A submit that came too late: the draft is kept, so its whole content is shown back. */
  async ofDraft(section: SectionKey, content: unknown, currentVersion: number, changes: readonly AuditEntry[]): Promise<ConflictView> {
    const mine = SECTION_FORMS[section].steps.flatMap((s) => s.fields ?? []).map((f) => ({ label: f.label, value: displayValue(f, getAt(content, f.path)) }));
    return { kind: 'conflict', section, currentVersion, changes: await this.describe(changes), mine: mine.filter((m) => m.value), draftKept: true };
  }

  /** A card that came too late and no draft: what was typed on it is all there is to show back. */
  async ofCard(at: CardPosition, snapshot: PlanSnapshot, values: Values, changes: readonly AuditEntry[]): Promise<ConflictView> {
    // A step's fields, or the row being saved: whatever was typed is shown back, never dropped.
    const step = SECTION_FORMS[at.section].steps[at.step];
    const typed = [...(step?.fields ?? []), ...(step?.table?.columns(snapshot.plan[at.section]) ?? [])];
    return {
      kind: 'conflict',
      section: at.section,
      currentVersion: snapshot.version,
      changes: await this.describe(changes),
      mine: typed.map((f) => ({ label: f.label, value: typedValue(values, f) ?? '' })).filter((m) => m.value),
      draftKept: false,
    };
  }

  private async describe(entries: readonly AuditEntry[]): Promise<ChangeView[]> {
    const names = new Map((await this.context.store.listPeople()).map((p) => [p.id, p.name]));
    return entries.map((e) => {
      const what =
        e.action === 'create'
          ? [`Added: ${rowWords(e.after)}`]
          : e.action === 'delete'
            ? [`Removed: ${rowWords(e.before)}`]
            : fieldChanges(e.before, e.after).map((c) => `${c.label}: now ${c.after} (was ${c.before})`);
      return { who: names.get(e.actorId) ?? e.actorId, at: e.at, version: e.version, lines: what };
    });
  }
}
