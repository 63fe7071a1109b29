import { isDomainError } from '../../domain/errors';
import { sectionLabel } from '../../domain/plan.sections';
import { VERBS } from '../verbs';
import { noticeCard } from '../views/notice.view';
import { assignCard } from '../views/work.view';
import { dateWords } from '../words';
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
        style: delivery === 'sent' ? 'good' : 'warning',
        title: `${sectionLabel(d.section)} is assigned to ${assignee.name}${due}`,
        message:
          delivery === 'sent'
            ? `${assignee.name} has been sent a message in Teams.`
            : delivery === 'unreachable'
              ? `Teams would not deliver my message to ${assignee.name} (they may have removed the app). The task is saved and waiting in their "my tasks".`
              : `${assignee.name} has not talked to me yet, so I could not message them. Ask them to say hello to the bot in a 1:1 chat; the task is waiting in their "my tasks".`,
        hint: '',
      });
    } catch (error) {
      // A mistake in the form comes back on the same form, with what was typed.
      if (isDomainError(error, 'INPUT.INVALID')) return assignCard(d.section, await ctx.services.store.listPeople(), error.message, { ...ctx.values }, fieldErrors(error.details));
      throw error;
    }
  },
});
