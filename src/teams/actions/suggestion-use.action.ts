import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SuggestionData } from './assist-data';

export const suggestionUseAction = defineAction({
  verb: VERBS.suggestionUse,
  data: SuggestionData,
  run: async (ctx, d) => ctx.screens.useSuggestion(ctx.person, d.suggestion, 'use'),
});
