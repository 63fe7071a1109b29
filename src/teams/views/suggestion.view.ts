import type { Suggestion } from '../../app/ports';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';

/** What the suggestion is and where Use would put it, in words. */
export interface SuggestionWords {
  readonly title: string;
  /** "your draft of Executive summary – Change story"; null when it has nowhere to go. */
  readonly where: string | null;
}

const CAUTION = 'It was written by an AI model from the plan as you can see it. It can be wrong or miss things: read it, check every fact and figure, and change what is not right.';

export const suggestionCard = (suggestion: Suggestion, words: SuggestionWords): AdaptiveCardJson =>
  renderCard('suggestion', {
    id: suggestion.id,
    caution: CAUTION,
    title: words.title,
    text: suggestion.text,
    note: words.where
      ? `Nothing has been changed yet. **Use** puts it in ${words.where}, **Edit** does the same and opens it for you to change; either way the plan changes only when you submit.`
      : 'This is for you to read: nothing has been changed. Copy what is useful.',
    canUse: words.where !== null,
    verbs: { use: VERBS.suggestionUse, edit: VERBS.suggestionEdit, discard: VERBS.suggestionDiscard },
  });
