import type { Assignment } from '../../app/ports';
import type { ConflictView, FieldView, FormView, RowFormView, SavedView } from '../../app/section-editing.service';
import { draftTarget } from '../../app/drafting.service';
import { inputId } from '../../app/section-editing.service';
import type { FieldKind } from '../../app/questionnaire/section-forms';
import { sectionInfo, sectionLabel } from '../../domain/plan.sections';
import { cardFits, renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { dateWords, STATE_WORDS } from '../words';

// Numbers and amounts are typed as text: Input.Number drops values such as 0.5 or 1,165,244.
const TEXT_KINDS: FieldKind[] = ['text', 'multiline', 'lines', 'milestones', 'email', 'url', 'pounds', 'number'];

/** What a reader sees: a choice by its title ("High, medium, low"), not its stored value. */
const shownValue = (f: FieldView): string => {
  const { kind, choices = [] } = f.spec;
  if (kind === 'yesno') return f.value === 'yes' ? 'Yes' : f.value === 'no' ? 'No' : f.value;
  if (kind !== 'choice' && kind !== 'choices') return f.value;
  const title = (v: string) => choices.find((c) => c.value === v)?.title ?? v;
  return kind === 'choices' ? f.value.split(',').filter(Boolean).map(title).join(', ') : title(f.value);
};

export const fieldData = (f: FieldView, readOnly: boolean) => {
  const kind = f.spec.kind;
  const isChoice = !readOnly && (kind === 'choice' || kind === 'choices' || kind === 'yesno');
  return {
    id: inputId(f.spec),
    label: f.spec.label,
    value: f.value,
    shown: shownValue(f) || 'Not yet provided.',
    readOnly,
    isText: !readOnly && TEXT_KINDS.includes(kind),
    isMultiline: ['multiline', 'lines', 'milestones'].includes(kind),
    isDate: !readOnly && kind === 'date',
    isChoice,
    isMulti: kind === 'choices',
    maxLength: f.spec.max ?? 0,
    choices: kind === 'yesno' ? [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }] : (f.spec.choices ?? []).map((c) => ({ title: c.title, value: c.value })),
    hint: readOnly ? '' : [f.spec.hint, f.spec.succinct ? `Keep it succinct${f.spec.max ? `: at most ${f.spec.max.toLocaleString('en-GB')} characters` : ''}.` : ''].filter(Boolean).join(' '),
    error: f.error ?? '',
  };
};

export const ownersText = (owners: readonly Assignment[], names: ReadonlyMap<string, string>): string =>
  owners.length
    ? `Assigned to ${owners.map((o) => `${names.get(o.assigneeId) ?? 'someone no longer on the roster'}${o.dueDate ? `, due ${dateWords(o.dueDate)}` : ''}`).join('; ')}`
    : '';

const sectionFormData = (view: FormView, currentVersion: number, names: ReadonlyMap<string, string>, readOnly: boolean, notice: { style: string; text: string } | null) => {
  const info = sectionInfo(view.section);
  const last = view.stepCount - 1;
  const nav = (verb: string) => (readOnly ? VERBS.open : verb);
  const buttons = [
    ...(view.step > 0 ? [{ title: 'Back', verb: nav(VERBS.back), step: readOnly ? view.step - 1 : view.step, style: 'default' }] : []),
    ...(view.step < last ? [{ title: 'Next', verb: nav(VERBS.next), step: readOnly ? view.step + 1 : view.step, style: 'default' }] : []),
    ...(readOnly
      ? []
      : [
          { title: 'Save draft', verb: VERBS.save, step: view.step, style: 'default' },
          { title: 'Submit', verb: VERBS.submit, step: view.step, style: 'positive' },
          ...(view.hasDraft ? [{ title: 'Discard draft', verb: VERBS.discard, step: view.step, style: 'destructive' }] : []),
          // Drafting help beside the step that holds the section's main text.
          ...(view.fields.some((f) => f.spec.path === draftTarget(view.section)?.path) ? [{ title: 'Suggest a draft', verb: VERBS.assistSuggest, step: view.step, style: 'default' }] : []),
        ]),
  ];
  // A section such as Signatories is its own question, step and table: say its name once.
  const title = sectionLabel(view.section);
  const question = info.question === null ? info.title : `${info.question}. ${info.title}`;
  const stepText = view.stepCount > 1 ? `Step ${view.step + 1} of ${view.stepCount}: ${view.stepSpec.title}` : view.stepSpec.title;
  const said = [title];
  const once = (text: string): string => {
    if (said.some((s) => sameWords(s, text))) return '';
    said.push(text);
    return text;
  };
  return {
    section: view.section,
    step: view.step,
    baseVersion: view.baseVersion,
    title,
    question: once(question),
    stepText: once(stepText),
    intro: view.stepSpec.intro ?? '',
    versionText: view.readOnly
      ? `Version ${currentVersion}. You can read this section; your role does not let you change it.`
      : readOnly
        ? `Version ${currentVersion}.`
      : view.hasDraft
        ? `Your draft, started from version ${view.baseVersion} (the plan is at version ${currentVersion}). Only you can see it until you submit.`
        : `Version ${currentVersion}.`,
    ownersText: ownersText(view.owners, names),
    noticeText: notice?.text ?? '',
    noticeStyle: notice?.style ?? 'default',
    readOnly,
    fields: view.fields.map((f) => fieldData(f, readOnly)),
    hasTable: view.rows !== null,
    tableLabel: once(view.stepSpec.table?.label ?? ''),
    rowNoun: view.stepSpec.table?.rowNoun ?? 'row',
    rows: (view.rows ?? []).map((r) => ({ title: r.title, rowId: r.id })),
    buttons,
    verbs: VERBS,
  };
};

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const sameWords = (a: string, b: string): boolean => a.replace(/[\s–-]+/g, ' ').trim().toLowerCase() === b.replace(/[\s–-]+/g, ' ').trim().toLowerCase();

/** Said when a step's answers are too long to carry in an editable card (inputs are never cut). */
export const TOO_LONG_TO_EDIT =
  'This step holds more text than a Teams card can carry, so it is shown shortened and cannot be edited here. Nothing has been changed. Ask the SRO to shorten it, or edit the plan outside Teams.';

/**
 * A section step as a card. Inputs carry a person's text whole (a cut value would be saved cut),
 * so a step too long for an editable card opens read-only, its long texts shortened.
 */
export const sectionFormCard = (view: FormView, currentVersion: number, names: ReadonlyMap<string, string>): AdaptiveCardJson => {
  const editable = sectionFormData(view, currentVersion, names, view.readOnly, view.notice ?? null);
  if (view.readOnly || cardFits('section', editable)) return renderCard('section', editable);
  return renderCard('section', sectionFormData(view, currentVersion, names, true, { style: 'warning', text: TOO_LONG_TO_EDIT }));
};

export const rowFormCard = (view: RowFormView): AdaptiveCardJson =>
  renderCard('row', {
    title: view.readOnly ? upperFirst(view.table.rowNoun) : `${view.isNew ? 'Add a' : 'Edit'} ${view.table.rowNoun}`,
    subtitle: view.readOnly
      ? `${sectionLabel(view.section)} – ${view.table.label}, as the plan has it now.`
      : `${sectionLabel(view.section)} – ${view.table.label}. Saving puts it in your draft; submit the section to make it final.`,
    noticeText: view.notice?.text ?? '',
    readOnly: view.readOnly,
    fields: view.fields.map((f) => fieldData(f, view.readOnly)),
    section: view.section,
    step: view.step,
    baseVersion: view.baseVersion,
    rowId: view.rowId,
    isNew: view.isNew,
    rowNoun: view.table.rowNoun,
    verbs: VERBS,
    suggest: !view.readOnly && !view.isNew && view.section === 'risks',
  });

export const conflictCard = (view: ConflictView): AdaptiveCardJson =>
  renderCard('conflict', {
    label: sectionLabel(view.section),
    section: view.section,
    currentVersion: view.currentVersion,
    changes: view.changes.map((c) => ({ heading: `${c.who}, ${dateWords(c.at)}${c.version ? ` (version ${c.version})` : ''}`, lines: c.lines })),
    mine: view.mine,
    draftKept: view.draftKept,
    verbs: VERBS,
  });

export const savedCard = (view: SavedView): AdaptiveCardJson => {
  const state = STATE_WORDS[view.completeness.state];
  return renderCard('saved', {
    label: sectionLabel(view.section),
    version: view.snapshot.version,
    versionText: view.alreadySaved
      ? `This was already saved; nothing was written again. The plan is at version ${view.snapshot.version}.`
      : view.unchanged
      ? `Nothing had changed, so the plan stays at version ${view.snapshot.version}.`
      : `The plan is now at version ${view.snapshot.version}. Everyone sees your answers from now on.`,
    stateText: `${state.text}: ${view.completeness.filled} of ${view.completeness.total}`,
    colour: state.colour,
    gapsText: view.completeness.gaps.length ? `Still needed: ${view.completeness.gaps.slice(0, 3).join('; ')}${view.completeness.gaps.length > 3 ? `; and ${view.completeness.gaps.length - 3} more` : ''}` : '',
    tasksText: view.completedTasks ? `Your task for this section is marked done.` : '',
    verbs: VERBS,
  });
};
