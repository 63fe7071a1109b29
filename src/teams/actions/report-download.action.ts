import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { ReportData } from './progress-data';

/** "Download as Word" on the highlight report: a personal link to that quarter's report, charts and all. */
export const reportDownloadAction = defineAction({
  verb: VERBS.reportDownload,
  data: ReportData,
  run: (ctx, d) => ctx.screens.reportDownload(ctx.person, d.quarter),
});
