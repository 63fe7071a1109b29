import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { NoData } from './card-data';

export const statusShowAction = defineAction({ verb: VERBS.showStatus, data: NoData, run: (ctx) => ctx.screens.status() });
