import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SuggestionData } from './assist-data';

export const suggestionDiscardAction = defineAction({
  verb: VERBS.suggestionDiscard,
  data: SuggestionData,
  run: async (ctx, d) => ctx.screens.discardSuggestion(ctx.person, d.suggestion),
});
