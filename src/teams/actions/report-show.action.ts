import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { ReportData } from './progress-data';

export const reportShowAction = defineAction({ verb: VERBS.report, data: ReportData, run: (ctx, d) => ctx.screens.report(d.quarter, ctx.person) });
