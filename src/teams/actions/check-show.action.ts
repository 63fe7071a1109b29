import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { NoData } from './card-data';

export const checkShowAction = defineAction({ verb: VERBS.check, data: NoData, run: (ctx) => ctx.screens.check() });
