import { randomBytes } from 'node:crypto';
import { defaultOwner, itemChangeRefusal, workstreamChangeRefusal } from '../domain/ownership';
import { sectionCompleteness, type SectionCompleteness } from '../domain/completeness';
import { canonicalJson } from '../domain/document.model';
import { DomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import { Plan, type SectionKey } from '../domain/plan.schema';
import { sectionInfo } from '../domain/plan.sections';
import { fieldChanges, rowWords } from './change-words';
import { displayValue, getAt, issueMessage, parseInput, setAt } from './questionnaire/form-values';
import { SECTION_FORMS, type FieldSpec, type StepSpec, type TableSpec } from './questionnaire/section-forms';
import { systemClock, type Assignment, type AuditEntry, type Clock, type Draft, type PlanSnapshot, type Store, type Suggestion } from './ports';

export interface FieldView {
  readonly spec: FieldSpec;
  readonly value: string;
  readonly error: string | null;
}

export interface RowView {
  readonly id: string;
  readonly title: string;
  readonly error: string | null;
}

export interface FormView {
  readonly kind: 'form';
  readonly section: SectionKey;
  readonly step: number;
  readonly stepCount: number;
  readonly stepSpec: StepSpec;
  readonly baseVersion: number;
  readonly readOnly: boolean;
  readonly hasDraft: boolean;
  readonly fields: readonly FieldView[];
  readonly rows: readonly RowView[] | null;
  readonly notice: { readonly style: 'good' | 'attention' | 'warning'; readonly text: string } | null;
  readonly owners: readonly Assignment[];
}

export interface RowFormView {
  readonly kind: 'row';
  readonly section: SectionKey;
  readonly step: number;
  readonly baseVersion: number;
  readonly table: TableSpec;
  readonly rowId: string;
  readonly isNew: boolean;
  readonly fields: readonly FieldView[];
  readonly notice: { readonly style: 'good' | 'attention' | 'warning'; readonly text: string } | null;
  /** Shown whole to read, for someone who may not change it. */
  readonly readOnly: boolean;
}

export interface ChangeView {
  readonly who: string;
  readonly at: string;
  readonly version: number | null;
  readonly lines: readonly string[];
}

export interface ConflictView {
  readonly kind: 'conflict';
  readonly section: SectionKey;
  readonly currentVersion: number;
  readonly changes: readonly ChangeView[];
  /** The person's own unsaved answers, so nothing they typed is lost. */
  readonly mine: readonly { readonly label: string; readonly value: string }[];
  /** Whether the person's draft holds their work (a submit), or the card's typing is all there is. */
  readonly draftKept: boolean;
}

export interface SavedView {
  readonly kind: 'saved';
  readonly section: SectionKey;
  readonly snapshot: PlanSnapshot;
  readonly completeness: SectionCompleteness;
  readonly completedTasks: number;
  /** Submitted answers that matched what the plan already said: no new version. */
  readonly unchanged: boolean;
  /** A retry of a submit that had already been saved: nothing was written again. */
  readonly alreadySaved?: boolean;
}

export type EditResult = FormView | RowFormView | ConflictView | SavedView;

/** What a questionnaire card sends back besides its inputs. */
export interface CardPosition {
  readonly section: SectionKey;
  readonly step: number;
  readonly baseVersion: number;
}

type Values = Readonly<Record<string, unknown>>;
type Json = Record<string, unknown>;

const WORKSTREAM_LEAD_SECTIONS: readonly SectionKey[] = ['deliveryPlan', 'risks', 'dependencies'];
export const inputId = (field: FieldSpec): string => `f.${field.path}`;

const clone = <T>(v: T): T => structuredClone(v);
const shortId = () => randomBytes(3).toString('hex');

/**
 * Filling in a section through a questionnaire: drafts that belong to the person and survive a
 * restart, validation with the store's own schema, and no silent overwrite of someone else's change.
 */
export class SectionEditingService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly clock: Clock = systemClock,
  ) {}

  async canEdit(person: Person, section: SectionKey): Promise<boolean> {
    if (hasRole(person, 'sro')) return true;
    if (hasRole(person, 'workstream-lead') && WORKSTREAM_LEAD_SECTIONS.includes(section)) return true;
    const mine = await this.store.listAssignments({ planId: this.planId, assigneeId: person.id, section, status: 'open' });
    return mine.length > 0;
  }

  async open(person: Person, section: SectionKey, step?: number, notice: FormView['notice'] = null): Promise<FormView> {
    const snapshot = await this.snapshot();
    const draft = await this.store.loadDraft(person.id, this.planId, section);
    const content = draft ? draft.content : clone(snapshot.plan[section]);
    const base = draft ? draft.baseVersion : snapshot.version;
    return this.formView(person, section, content, base, step ?? draft?.step ?? 0, { hasDraft: Boolean(draft), notice });
  }

  /** Back, Next or Save draft: keep what was typed on this step in the person's draft. */
  async move(person: Person, at: CardPosition, values: Values, direction: 'back' | 'next' | 'save'): Promise<EditResult> {
    const ready = await this.begin(person, at, values);
    if (ready.kind !== 'ready') return ready.result;
    const { draft, snapshot, stored } = ready;
    const applied = this.applyStep(snapshot.plan, at.section, draft.content, at.step, values);
    if (!applied.ok) return this.formView(person, at.section, draft.content, draft.baseVersion, at.step, { hasDraft: stored, errors: applied.errors, raw: values, notice: FIX_NOTICE });
    const stepCount = SECTION_FORMS[at.section].steps.length;
    const step = direction === 'next' ? Math.min(at.step + 1, stepCount - 1) : direction === 'back' ? Math.max(at.step - 1, 0) : at.step;
    // Paging through a section is reading it: only a change makes a draft.
    if (!stored && sameContent(applied.content, draft.content)) {
      const notice = direction === 'save' ? { style: 'good' as const, text: 'Nothing to save: you have not changed anything in this section.' } : null;
      return this.formView(person, at.section, draft.content, draft.baseVersion, step, { hasDraft: false, notice });
    }
    await this.store.saveDraft({ personId: person.id, planId: this.planId, section: at.section, baseVersion: draft.baseVersion, step, content: applied.content });
    const notice = direction === 'save' ? { style: 'good' as const, text: 'Draft saved. Only you can see it until you submit.' } : null;
    return this.formView(person, at.section, applied.content, draft.baseVersion, step, { hasDraft: true, notice });
  }

  async submit(person: Person, at: CardPosition, values: Values, requestId: string): Promise<EditResult> {
    // A retry of a submit that was applied is answered "already saved", before any conflict check.
    if (await this.store.appliedRequest(requestId)) {
      const latest = await this.snapshot();
      return { kind: 'saved', section: at.section, snapshot: latest, completeness: sectionCompleteness(latest.plan, sectionInfo(at.section)), completedTasks: 0, unchanged: false, alreadySaved: true };
    }
    const ready = await this.begin(person, at, values);
    if (ready.kind !== 'ready') return ready.result;
    const { draft, snapshot, stored } = ready;
    const applied = this.applyStep(snapshot.plan, at.section, draft.content, at.step, values);
    if (!applied.ok) return this.formView(person, at.section, draft.content, draft.baseVersion, at.step, { hasDraft: stored, errors: applied.errors, raw: values, notice: FIX_NOTICE });
    const changes = await this.changesSince(at.section, draft.baseVersion);
    if (changes.length) {
      await this.store.saveDraft({ ...draft, step: at.step, content: applied.content });
      return this.conflict(person, at.section, applied.content, snapshot.version, changes);
    }
    // Whatever the draft holds (a row card, a stale draft, a forged one), what it changes must be theirs to change.
    this.assertMayChange(person, at.section, snapshot.plan[at.section], applied.content);
    const tasks = await this.store.listAssignments({ planId: this.planId, assigneeId: person.id, section: at.section, status: 'open' });
    const next = clone(snapshot.plan) as Json;
    next[at.section] = applied.content;
    const resolved = new Set(tasks.map((t) => t.reviewCommentId).filter(Boolean));
    (next.reviewComments as Plan['reviewComments']).forEach((c) => resolved.has(c.id) && (c.status = 'resolved'));
    const parsed = Plan.safeParse(next);
    if (!parsed.success) {
      return this.formView(person, at.section, applied.content, draft.baseVersion, at.step, {
        hasDraft: stored,
        notice: { style: 'attention', text: `This can't be submitted yet: ${parsed.error.issues.map((i) => `${i.path.slice(1).join(' › ')}: ${issueMessage(i)}`).join('; ')}` },
      });
    }
    const label = sectionInfo(at.section).shortName;
    const suggested = await this.usedSuggestions(person, at.section);
    const aiNote = suggested.length ? ' (used an AI suggestion)' : '';
    const saved = await this.store.savePlan(this.planId, snapshot.version, parsed.data, { actorId: person.id, summary: `${person.name} updated ${label}${aiNote}`, requestId });
    await this.store.deleteDraft(person.id, this.planId, at.section);
    await this.settleSuggestions(suggested);
    if (tasks.length) await this.store.completeAssignments(tasks.map((t) => t.id), { actorId: person.id, summary: `${person.name} submitted ${label}` });
    return {
      kind: 'saved',
      section: at.section,
      snapshot: saved.snapshot,
      completeness: sectionCompleteness(saved.snapshot.plan, sectionInfo(at.section)),
      completedTasks: tasks.length,
      unchanged: saved.changes.length === 0 && !saved.replayed,
    };
  }

  /** Keep my draft, knowingly based on the latest version, after seeing what changed. */
  async rebase(person: Person, section: SectionKey): Promise<FormView> {
    const snapshot = await this.snapshot();
    const draft = await this.store.loadDraft(person.id, this.planId, section);
    if (!draft) return this.open(person, section);
    await this.store.saveDraft({ ...draft, baseVersion: snapshot.version });
    return this.open(person, section, draft.step, {
      style: 'warning',
      text: `Your draft now builds on version ${snapshot.version}. Check it against the latest answers, then submit: what you submit replaces them.`,
    });
  }

  async discard(person: Person, section: SectionKey): Promise<FormView> {
    await this.store.deleteDraft(person.id, this.planId, section);
    await this.settleSuggestions(await this.usedSuggestions(person, section));
    return this.open(person, section, 0, { style: 'good', text: 'Your draft was discarded. This is the latest version.' });
  }

  async openRow(person: Person, at: CardPosition, rowId: string | null): Promise<EditResult> {
    // Someone who may only read opens a row to see it whole: lists show it shortened.
    if (rowId && !(await this.canEdit(person, at.section))) return this.readRow(person, at, rowId);
    const ready = await this.begin(person, at, {});
    if (ready.kind !== 'ready') return ready.result;
    const table = this.tableOf(at);
    const rows = (getAt(ready.draft.content, table.path) as Json[]) ?? [];
    const row = rowId ? rows.find((r) => r.id === rowId) : table.newRow(this.freshId(table, rows), ready.draft.content);
    if (!row) return this.open(person, at.section, at.step, { style: 'attention', text: 'That row is no longer in your draft.' });
    return this.rowView(at, ready.draft, table, row, !rowId, {}, null);
  }

  async saveRow(person: Person, at: CardPosition, rowId: string, isNew: boolean, values: Values): Promise<EditResult> {
    const ready = await this.begin(person, at, values);
    if (ready.kind !== 'ready') return ready.result;
    const { draft, snapshot } = ready;
    const table = this.tableOf(at);
    const content = clone(draft.content) as Json;
    const rows = clone((getAt(content, table.path) as Json[]) ?? []);
    const index = rows.findIndex((r) => r.id === rowId);
    if (index < 0 && !isNew) return this.open(person, at.section, at.step, { style: 'attention', text: 'That row is no longer in your draft.' });
    const base = index >= 0 ? (rows[index] as Json) : table.newRow(rowId, content);
    const row = clone(base);
    const errors: Record<string, string> = {};
    for (const field of table.columns(content)) {
      const parsed = parseInput(field, values[inputId(field)], getAt(row, field.path), () => `${rowId}-m-${shortId()}`);
      if (parsed.ok) setAt(row, field.path, parsed.value);
      else errors[field.path] = parsed.error;
    }
    const finished = table.finishRow ? table.finishRow(row) : row;
    // A risk or dependency added here belongs to whoever added it (their workstream, if they lead one).
    if (isNew && (at.section === 'risks' || at.section === 'dependencies') && !finished.owner) finished.owner = defaultOwner(person) as unknown as Json[string];
    if (index >= 0) rows[index] = finished;
    else rows.push(finished);
    const nextContent = table.path === '' ? rows : (setAt(content, table.path, rows), content);
    if (Object.keys(errors).length === 0) Object.assign(errors, this.schemaErrors(snapshot.plan, at.section, nextContent, (path) => this.rowFieldPath(path, table, index >= 0 ? index : rows.length - 1)));
    if (Object.keys(errors).length) return this.rowView(at, draft, table, row, isNew, errors, values);
    this.assertMayChange(person, at.section, draft.content, nextContent);
    await this.store.saveDraft({ personId: person.id, planId: this.planId, section: at.section, baseVersion: draft.baseVersion, step: at.step, content: nextContent });
    return this.formView(person, at.section, nextContent, draft.baseVersion, at.step, {
      hasDraft: true,
      notice: { style: 'good', text: `${isNew ? 'Added' : 'Changed'} ${table.rowTitle(finished)}. Submit when the section is ready.` },
    });
  }

  async removeRow(person: Person, at: CardPosition, rowId: string): Promise<EditResult> {
    const ready = await this.begin(person, at, {});
    if (ready.kind !== 'ready') return ready.result;
    const table = this.tableOf(at);
    const content = clone(ready.draft.content) as Json;
    const rows = ((getAt(content, table.path) as Json[]) ?? []).filter((r) => r.id !== rowId);
    const removed = ((getAt(ready.draft.content, table.path) as Json[]) ?? []).find((r) => r.id === rowId);
    const nextContent = table.path === '' ? rows : (setAt(content, table.path, rows), content);
    const errors = this.schemaErrors(ready.snapshot.plan, at.section, nextContent, () => null);
    if (Object.keys(errors).length) return this.open(person, at.section, at.step, { style: 'attention', text: `That row can't be removed: ${Object.values(errors).join(' ')}` });
    this.assertMayChange(person, at.section, ready.draft.content, nextContent);
    await this.store.saveDraft({ ...ready.draft, step: at.step, content: nextContent });
    return this.formView(person, at.section, nextContent, ready.draft.baseVersion, at.step, {
      hasDraft: true,
      notice: { style: 'warning', text: removed ? `Removed ${table.rowTitle(removed)} from your draft. Submit to make it final.` : 'Nothing to remove.' },
    });
  }

  /**
   * Puts text the person chose (an AI suggestion) into their draft of one field and opens that
   * step with it filled in. Nothing is submitted: the plan changes only when they submit.
   */
  async fillField(person: Person, section: SectionKey, path: string, text: string, notice: FormView['notice']): Promise<FormView> {
    const { draft, content } = await this.draftToFill(person, section);
    setAt(content, path, text);
    const step = Math.max(0, SECTION_FORMS[section].steps.findIndex((s) => s.fields?.some((f) => f.path === path)));
    await this.store.saveDraft({ personId: person.id, planId: this.planId, section, baseVersion: draft.baseVersion, step, content });
    return this.formView(person, section, content, draft.baseVersion, step, { hasDraft: true, notice });
  }

  /** The same for one field of a row (a risk's mitigation): opens the row with it filled in. */
  async fillRowField(person: Person, section: SectionKey, rowId: string, path: string, text: string, notice: RowFormView['notice']): Promise<RowFormView> {
    const { draft, content } = await this.draftToFill(person, section);
    const step = Math.max(0, SECTION_FORMS[section].steps.findIndex((s) => s.table));
    const table = this.tableOf({ section, step, baseVersion: draft.baseVersion });
    const row = ((getAt(content, table.path) as Json[]) ?? []).find((r) => r.id === rowId);
    if (!row) throw new DomainError('INPUT.INVALID', `That ${table.rowNoun} is no longer in the plan or your draft, so the suggestion has nowhere to go.`);
    setAt(row, path, text);
    this.assertMayChange(person, section, draft.content, content);
    const saved = await this.store.saveDraft({ personId: person.id, planId: this.planId, section, baseVersion: draft.baseVersion, step, content });
    return { ...this.rowView({ section, step, baseVersion: draft.baseVersion }, saved, table, row, false, {}, null), notice };
  }

  private async draftToFill(person: Person, section: SectionKey): Promise<{ draft: Draft; content: Json }> {
    if (!(await this.canEdit(person, section))) {
      throw new DomainError('AUTH.FORBIDDEN', `You can read ${sectionInfo(section).shortName}, but your role does not let you change it, so the suggestion cannot go into it.`);
    }
    const snapshot = await this.snapshot();
    const stored = await this.store.loadDraft(person.id, this.planId, section);
    const draft: Draft = stored ?? { personId: person.id, planId: this.planId, section, baseVersion: snapshot.version, step: 0, content: clone(snapshot.plan[section]), updatedAt: '' };
    return { draft, content: clone(draft.content) as Json };
  }

  /** Suggestions the person put into this section's draft and has not yet submitted or thrown away. */
  private async usedSuggestions(person: Person, section: SectionKey) {
    const sectionOf = (t: Suggestion['target']) => (t?.kind === 'section' ? t.section : t?.kind === 'risk' ? 'risks' : null);
    return (await this.store.listSuggestions(person.id, this.planId)).filter((s) => s.usedAt && !s.settledAt && sectionOf(s.target) === section);
  }

  private async settleSuggestions(used: readonly Suggestion[]): Promise<void> {
    for (const s of used) await this.store.markSuggestion(s.id, { settledAt: this.clock.now().toISOString() });
  }

  private async readRow(person: Person, at: CardPosition, rowId: string): Promise<EditResult> {
    const snapshot = await this.snapshot();
    const table = this.tableOf(at);
    const content = snapshot.plan[at.section];
    const row = ((getAt(content, table.path) as Json[]) ?? []).find((r) => r.id === rowId);
    if (!row) return this.open(person, at.section, at.step, { style: 'attention', text: 'That row is no longer in the plan.' });
    const draft: Draft = { personId: person.id, planId: this.planId, section: at.section, baseVersion: snapshot.version, step: at.step, content, updatedAt: '' };
    return { ...this.rowView(at, draft, table, row, false, {}, null), readOnly: true };
  }

  // ---- internals ----

  /**
   * Leads change only their own workstreams' rows in Q6, and only the risks and dependencies
   * they own; adding, removing or renaming a workstream is for the SRO.
   */
  private assertMayChange(person: Person, section: SectionKey, before: unknown, after: unknown): void {
    const list = (content: unknown, key: string) => {
      const value = content && typeof content === 'object' ? (content as Record<string, unknown>)[key] : undefined;
      return (Array.isArray(value) ? value : []) as never[];
    };
    const refusal =
      section === 'deliveryPlan'
        ? workstreamChangeRefusal(person, list(before, 'workstreams'), list(after, 'workstreams'))
        : section === 'risks'
          ? itemChangeRefusal(person, list(before, 'risks'), list(after, 'risks'), 'risk')
          : section === 'dependencies'
            ? itemChangeRefusal(person, list(before, 'items'), list(after, 'items'), 'dependency')
            : null;
    if (refusal) throw new DomainError('AUTH.FORBIDDEN', `${refusal} Nothing has been changed.`);
  }

  private async snapshot(): Promise<PlanSnapshot> {
    const s = await this.store.loadPlan(this.planId);
    if (!s) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${this.planId}`, { planId: this.planId });
    return s;
  }

  /**
   * Every action starts here: may this person edit, is the card current, and where is their
   * draft (started now if they had none and nobody has changed the section since the card).
   */
  private async begin(
    person: Person,
    at: CardPosition,
    values: Values,
  ): Promise<{ kind: 'ready'; draft: Draft; snapshot: PlanSnapshot; stored: boolean } | { kind: 'done'; result: EditResult }> {
    if (!SECTION_FORMS[at.section].steps[at.step]) throw new DomainError('INPUT.INVALID', 'That card refers to a step that does not exist.');
    if (!(await this.canEdit(person, at.section))) {
      throw new DomainError('AUTH.FORBIDDEN', `You can read ${sectionInfo(at.section).shortName}, but your role does not let you change it. Ask the plan's SRO if you should.`);
    }
    const snapshot = await this.snapshot();
    if (at.baseVersion > snapshot.version) throw new DomainError('INPUT.INVALID', 'That card refers to a version of the plan that does not exist, so I have not changed anything.');
    const draft = await this.store.loadDraft(person.id, this.planId, at.section);
    if (draft) {
      if (draft.baseVersion !== at.baseVersion) {
        return { kind: 'done', result: await this.open(person, at.section, draft.step, { style: 'warning', text: 'That card was out of date, so nothing was saved from it. This is your latest draft.' }) };
      }
      return { kind: 'ready', draft, snapshot, stored: true };
    }
    if (at.baseVersion !== snapshot.version) {
      const changes = await this.changesSince(at.section, at.baseVersion);
      if (changes.length) {
        // A step's fields, or the row being saved: whatever was typed is shown back, never dropped.
        const step = SECTION_FORMS[at.section].steps[at.step];
        const typed = [...(step?.fields ?? []), ...(step?.table?.columns(snapshot.plan[at.section]) ?? [])];
        return {
          kind: 'done',
          result: {
            kind: 'conflict',
            section: at.section,
            currentVersion: snapshot.version,
            changes: await this.describe(changes),
            mine: typed.map((f) => ({ label: f.label, value: typeof values[inputId(f)] === 'string' ? (values[inputId(f)] as string) : '' })).filter((m) => m.value),
            draftKept: false,
          },
        };
      }
    }
    // Not stored yet: a draft is written only when something in it changes.
    const fresh: Draft = { personId: person.id, planId: this.planId, section: at.section, baseVersion: at.baseVersion, step: at.step, content: clone(snapshot.plan[at.section]), updatedAt: '' };
    return { kind: 'ready', draft: fresh, snapshot, stored: false };
  }

  private tableOf(at: CardPosition): TableSpec {
    const table = SECTION_FORMS[at.section].steps[at.step]?.table;
    if (!table) throw new DomainError('INPUT.INVALID', 'That card refers to a table that does not exist.');
    return table;
  }

  private freshId(table: TableSpec, rows: Json[]): string {
    let id = `${table.idPrefix}-${shortId()}`;
    while (rows.some((r) => r.id === id)) id = `${table.idPrefix}-${shortId()}`;
    return id;
  }

  private applyStep(plan: Plan, section: SectionKey, content: unknown, step: number, values: Values): { ok: true; content: unknown } | { ok: false; errors: Record<string, string> } {
    const fields = SECTION_FORMS[section].steps[step]?.fields ?? [];
    if (fields.length === 0) return { ok: true, content };
    const next = clone(content) as Json;
    const errors: Record<string, string> = {};
    for (const field of fields) {
      const parsed = parseInput(field, values[inputId(field)], getAt(next, field.path), () => `${section}-${shortId()}`);
      if (parsed.ok) setAt(next, field.path, parsed.value);
      else errors[field.path] = parsed.error;
    }
    if (Object.keys(errors).length === 0) Object.assign(errors, this.schemaErrors(plan, section, next, (path) => (fields.some((f) => f.path === path) ? path : null)));
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, content: next };
  }

  /** Validate the section inside the whole plan (ids are unique plan-wide per table), mapped to fields. */
  private schemaErrors(plan: Plan, section: SectionKey, content: unknown, toField: (path: string) => string | null): Record<string, string> {
    const candidate = { ...plan, [section]: content };
    const result = Plan.safeParse(candidate);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      if (issue.path[0] !== section) continue;
      const key = toField(issue.path.slice(1).join('.')) ?? '_';
      errors[key] ??= issueMessage(issue);
    }
    if (Object.keys(errors).length === 0) errors._ = 'This answer does not fit the plan record.';
    return errors;
  }

  private rowFieldPath(path: string, table: TableSpec, index: number): string | null {
    const prefix = table.path === '' ? `${index}.` : `${table.path}.${index}.`;
    return path.startsWith(prefix) ? path.slice(prefix.length) : null;
  }

  private async changesSince(section: SectionKey, version: number): Promise<AuditEntry[]> {
    return this.store.listAudit(this.planId, { keyPrefix: section, sinceVersion: version });
  }

  private async describe(entries: readonly AuditEntry[]): Promise<ChangeView[]> {
    const names = new Map((await this.store.listPeople()).map((p) => [p.id, p.name]));
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

  private async conflict(person: Person, section: SectionKey, content: unknown, currentVersion: number, changes: AuditEntry[]): Promise<ConflictView> {
    const mine = SECTION_FORMS[section].steps.flatMap((s) => s.fields ?? []).map((f) => ({ label: f.label, value: displayValue(f, getAt(content, f.path)) }));
    return { kind: 'conflict', section, currentVersion, changes: await this.describe(changes), mine: mine.filter((m) => m.value), draftKept: true };
  }

  private async formView(
    person: Person,
    section: SectionKey,
    content: unknown,
    baseVersion: number,
    step: number,
    opts: { hasDraft: boolean; errors?: Record<string, string>; raw?: Values; notice?: FormView['notice'] },
  ): Promise<FormView> {
    const steps = SECTION_FORMS[section].steps;
    const index = Math.min(Math.max(step, 0), steps.length - 1);
    const stepSpec = steps[index] as StepSpec;
    const errors = opts.errors ?? {};
    const fields = (stepSpec.fields ?? []).map((spec) => ({
      spec,
      value: opts.raw && typeof opts.raw[inputId(spec)] === 'string' ? (opts.raw[inputId(spec)] as string) : displayValue(spec, getAt(content, spec.path)),
      error: errors[spec.path] ?? null,
    }));
    const table = stepSpec.table;
    const rows = table ? ((getAt(content, table.path) as Json[]) ?? []).map((r) => ({ id: String(r.id), title: table.rowTitle(r), error: null })) : null;
    const general = errors._ ? { style: 'attention' as const, text: errors._ } : null;
    return {
      kind: 'form',
      section,
      step: index,
      stepCount: steps.length,
      stepSpec,
      baseVersion,
      readOnly: !(await this.canEdit(person, section)),
      hasDraft: opts.hasDraft,
      fields,
      rows,
      notice: general ?? opts.notice ?? null,
      owners: await this.store.listAssignments({ planId: this.planId, section, status: 'open' }),
    };
  }

  private rowView(at: CardPosition, draft: Draft, table: TableSpec, row: Json, isNew: boolean, errors: Record<string, string>, raw: Values | null): RowFormView {
    const fields = table.columns(draft.content).map((spec) => ({
      spec,
      value: raw && typeof raw[inputId(spec)] === 'string' ? (raw[inputId(spec)] as string) : displayValue(spec, getAt(row, spec.path)),
      error: errors[spec.path] ?? null,
    }));
    const general = errors._ ?? (Object.keys(errors).length ? 'Please put right the answers marked below. Nothing has been saved.' : null);
    return {
      kind: 'row',
      section: at.section,
      step: at.step,
      baseVersion: draft.baseVersion,
      table,
      rowId: String(row.id),
      isNew,
      fields,
      notice: general ? { style: 'attention', text: general } : null,
      readOnly: false,
    };
  }
}

/** Whether two section contents hold the same answers, whatever order their keys were set in. */
const sameContent = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

const FIX_NOTICE = { style: 'attention' as const, text: 'Please put right the answers marked below. Nothing has been saved.' };
