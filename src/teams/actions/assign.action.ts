import { isDomainError } from '../../domain/errors';
import { sectionLabel } from '../../domain/plan.sections';
import { VERBS } from '../verbs';
import { noticeCard } from '../views/notice.view';
import { assignCard } from '../views/work.view';
import { dateWords, deliverySentence } from '../words';
import { defineAction } from './action.types';
import { SectionData } from './card-data';

/** The errors a service put against named fields, to show beside them. */
const fieldErrors = (details: Record<string, unknown>): Record<string, string> =>
  details.fields && typeof details.fields === 'object' ? Object.fromEntries(Object.entries(details.fields).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};

export const assignAction = defineAction({
  verb: VERBS.assign,
  data: SectionData,
  run: async (ctx, d) => {
    try {
      const { assignment, assignee, delivery } = await ctx.services.assignments.assign(
        ctx.person,
        { section: d.section, assigneeId: ctx.values.assignee, dueDate: ctx.values.dueDate, note: ctx.values.note },
        ctx.requestId,
      );
      const due = assignment.dueDate ? `, due ${dateWords(assignment.dueDate)}` : '';
      return noticeCard({
        style: delivery === 'sent' || delivery === 'sending' ? 'good' : 'warning',
        title: `${sectionLabel(d.section)} is assigned to ${assignee.name}${due}`,
        message: delivery === 'sent' || delivery === 'sending' ? deliverySentence(assignee.name, delivery) : `${deliverySentence(assignee.name, delivery)} The task is saved and waiting in their "my tasks".`,
        hint: '',
      });
    } catch (error) {
      // A mistake in the form comes back on the same form, with what was typed.
      if (isDomainError(error, 'INPUT.INVALID')) return assignCard(d.section, await ctx.services.roster.everyone(), error.message, { ...ctx.values }, fieldErrors(error.details));
      throw error;
    }
  },
});
