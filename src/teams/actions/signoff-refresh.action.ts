import { VERBS } from '../verbs';
import { defineAction } from './action.types';
import { SignOffRefreshData } from './signoff-data';

/** Universal Actions refresh: the signatory gets their buttons, anyone else the status only. */
export const signOffRefreshAction = defineAction({
  verb: VERBS.signoffRefresh,
  data: SignOffRefreshData,
  run: (ctx, d) => ctx.screens.signOffView(ctx.person, d.round, d.role, d.person),
});
