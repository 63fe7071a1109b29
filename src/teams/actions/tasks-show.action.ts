import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { NoData } from './card-data';

export const tasksShowAction = defineAction({ verb: VERBS.tasks, data: NoData, run: (ctx) => ctx.screens.tasks(ctx.person) });
