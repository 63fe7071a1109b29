import { isDomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { delegateFormCard } from '../views/progress.view';
import { noticeCard } from '../views/notice.view';
import { defineAction } from './action.types';
import { WorkstreamData } from './progress-data';
import { inputValue } from '../../app/questionnaire/input-name';

export const delegateAction = defineAction({
  verb: VERBS.delegate,
  data: WorkstreamData,
  run: async (ctx, d) => {
    try {
      const delegate = await ctx.services.updates.nameDelegate(ctx.person, d.workstream, inputValue(ctx.values, 'delegate'));
      return noticeCard({ style: 'good', title: `${delegate.name} can now post this workstream's updates`, message: 'They will see it when they type "update".', hint: '' });
    } catch (error) {
      if (!isDomainError(error, 'INPUT.INVALID')) throw error;
      return delegateFormCard(d.workstream, d.workstream, await ctx.services.roster.everyone(), error.message);
    }
  },
});
