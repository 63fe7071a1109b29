import { isDomainError } from '../../domain/errors';
import { sectionLabel } from '../../domain/plan.sections';
import { VERBS } from '../verbs';
import { noticeCard } from '../views/notice.view';
import { assignCard } from '../views/work.view';
import { dateWords } from '../words';
import { defineAction } from './action.types';
import { SectionData } from './card-data';

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
        style: delivery === 'sent' ? 'good' : 'warning',
        title: `${sectionLabel(d.section)} is assigned to ${assignee.name}${due}`,
        message:
          delivery === 'sent'
            ? `${assignee.name} has been sent a message in Teams.`
            : `${assignee.name} has not talked to me yet, so I could not message them. Ask them to say hello to the bot; the task is waiting in their "my tasks".`,
        hint: '',
      });
    } catch (error) {
      // A mistake in the form comes back on the same form, with what was typed.
      if (isDomainError(error, 'INPUT.INVALID')) return assignCard(d.section, await ctx.services.store.listPeople(), error.message, { ...ctx.values });
      throw error;
    }
  },
});
