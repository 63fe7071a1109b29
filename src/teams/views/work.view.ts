import type { Assignment, Draft } from '../../app/ports';
import type { SectionCompleteness } from '../../domain/completeness';
import type { Person } from '../../domain/people.schema';
import type { Plan, SectionKey } from '../../domain/plan.schema';
import { sectionLabel } from '../../domain/plan.sections';
import { sectionParts } from './section-parts';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { dateWords } from '../words';
import { ownersText } from './section.view';

export const sectionsCard = (
  plan: Plan,
  version: number,
  sections: readonly SectionCompleteness[],
  owners: readonly Assignment[],
  drafts: readonly Draft[],
  names: ReadonlyMap<string, string>,
  canAssign: boolean,
): AdaptiveCardJson => {
  const count = (state: SectionCompleteness['state']) => sections.filter((s) => s.state === state).length;
  return renderCard('sections', {
    title: `${plan.meta.title} ${plan.meta.reportingYear}: ${plan.header.localAuthority ?? 'your partnership'}`,
    summary: `Version ${version}: ${count('complete')} complete, ${count('incomplete')} incomplete, ${count('missing')} missing. Open a section to read or fill it in.`,
    canAssign,
    parts: sectionParts(sections, (s) => ({
      detail: [`${s.filled} of ${s.total}`, ownersText(owners.filter((o) => o.section === s.section.key), names), drafts.some((d) => d.section === s.section.key) ? 'You have a draft' : '']
        .filter(Boolean)
        .join(' · '),
    })),
    verbs: VERBS,
  });
};

export const assignCard = (section: SectionKey, people: readonly Person[], notice = '', typed: Record<string, unknown> = {}, errors: Readonly<Record<string, string>> = {}): AdaptiveCardJson =>
  renderCard('assign', {
    label: sectionLabel(section),
    section,
    noticeText: notice,
    people: people.map((p) => ({ title: p.name, value: p.id })),
    assignee: typeof typed.assignee === 'string' ? typed.assignee : '',
    dueDate: typeof typed.dueDate === 'string' ? typed.dueDate : '',
    dueDateError: errors.dueDate ?? '',
    note: typeof typed.note === 'string' ? typed.note : '',
    verbs: VERBS,
  });

const dueText = (a: Assignment, today: string) =>
  a.dueDate ? `${a.dueDate < today ? 'Overdue: was due' : 'Due'} ${dateWords(a.dueDate)}` : 'No due date';

export const assignedCard = (a: Assignment, assignedBy: string, today: string): AdaptiveCardJson =>
  renderCard('assigned', { assignedBy, label: sectionLabel(a.section), section: a.section, dueText: dueText(a, today), note: a.note ?? '', verbs: VERBS });

export const tasksCard = (person: Person, tasks: readonly Assignment[], drafts: readonly Draft[], commentText: (a: Assignment) => string, today: string): AdaptiveCardJson =>
  renderCard('tasks', {
    title: `${person.name}: your tasks`,
    tasks: tasks.map((t) => ({
      label: sectionLabel(t.section),
      section: t.section,
      dueText: dueText(t, today),
      dueColour: t.dueDate && t.dueDate < today ? 'Attention' : 'Default',
      note: [t.note, commentText(t)].filter(Boolean).join('\n'),
    })),
    drafts: drafts.map((d) => ({ label: `${sectionLabel(d.section)} (saved ${dateWords(d.updatedAt)})`, section: d.section })),
    verbs: VERBS,
  });
