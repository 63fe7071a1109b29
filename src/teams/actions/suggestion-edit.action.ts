import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SuggestionData } from './assist-data';

export const suggestionEditAction = defineAction({
  verb: VERBS.suggestionEdit,
  data: SuggestionData,
  run: async (ctx, d) => ctx.screens.useSuggestion(ctx.person, d.suggestion, 'edit'),
});
