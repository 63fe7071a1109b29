import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { NoData } from './card-data';

export const risksShowAction = defineAction({ verb: VERBS.risks, data: NoData, run: (ctx) => ctx.screens.risks(ctx.person) });
