import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { PageData } from './progress-data';

export const risksShowAction = defineAction({ verb: VERBS.risks, data: PageData, run: (ctx, d) => ctx.screens.risks(ctx.person, null, d.page) });
