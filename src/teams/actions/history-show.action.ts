import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { PageData } from './progress-data';

/** The "history" list, a page at a time. */
export const historyShowAction = defineAction({ verb: VERBS.history, data: PageData, run: (ctx, d) => ctx.screens.history(d.page) });
