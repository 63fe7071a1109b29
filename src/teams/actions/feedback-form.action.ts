import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { NoData } from './card-data';

export const feedbackFormAction = defineAction({ verb: VERBS.feedbackForm, data: NoData, run: (ctx) => ctx.screens.feedbackForm(ctx.person) });
