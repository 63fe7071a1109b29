import { routeIntent } from '../intent.router';
import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { IntentChoiceData } from './intent-data';

/** A "did you mean" or example button: the same screen the words would have opened. */
export const intentChooseAction = defineAction({
  verb: VERBS.intentChoose,
  data: IntentChoiceData,
  run: (ctx, { intent, ...entities }) => routeIntent({ ...ctx, situation: () => ctx.services.situation.of(ctx.person) }, intent, entities),
});
