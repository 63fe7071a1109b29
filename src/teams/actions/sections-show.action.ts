import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { NoData } from './card-data';

export const sectionsShowAction = defineAction({ verb: VERBS.sections, data: NoData, run: (ctx) => ctx.screens.sections(ctx.person) });
