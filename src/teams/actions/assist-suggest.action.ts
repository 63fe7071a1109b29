import { DomainError } from '../../domain/errors';
import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SuggestData } from './assist-data';
import { inputValue, isInputName } from '../../app/questionnaire/input-name';

export const assistSuggestAction = defineAction({
  verb: VERBS.assistSuggest,
  data: SuggestData,
  run: async (ctx, d) => {
    // What the person had typed in the answer box is text to rewrite, never an instruction.
    const typed = typeof inputValue(ctx.values, 'text') === 'string' ? (inputValue(ctx.values, 'text') as string) : null;
    const target = d.item
      ? ({ kind: 'feedback', feedbackId: d.item } as const)
      : d.section === 'risks' && d.rowId
        ? ({ kind: 'risk', riskId: d.rowId } as const)
        : d.section
          ? ({ kind: 'section', section: d.section } as const)
          : null;
    if (!target) throw new DomainError('INPUT.INVALID', 'That card did not say what to suggest a draft for. Please open it again.');
    // Whatever was typed on the step is kept in the person's draft first (only if it changed
    // anything), so asking for a suggestion never loses it; a typing mistake is shown instead.
    if (target.kind === 'section' && d.step !== undefined && d.baseVersion !== undefined && Object.keys(ctx.values).some(isInputName)) {
      const kept = await ctx.services.editing.move(ctx.person, { section: target.section, step: d.step, baseVersion: d.baseVersion }, ctx.values, 'save');
      if (kept.kind !== 'form' || kept.notice?.style === 'attention') return ctx.screens.edit(kept);
    }
    return ctx.screens.suggest(ctx.person, target, typed, ctx.requestId);
  },
});
