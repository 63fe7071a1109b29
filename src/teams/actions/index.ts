import type { CardAction } from './action.types';
import { assignFormAction } from './assign-form.action';
import { assignAction } from './assign.action';
import { checkGroupAction } from './check-group.action';
import { checkShowAction } from './check-show.action';
import { requirementFormAction } from './requirement-form.action';
import { requirementSaveAction } from './requirement-save.action';
import { rowOpenAction } from './row-open.action';
import { rowRemoveAction } from './row-remove.action';
import { rowSaveAction } from './row-save.action';
import { sectionBackAction } from './section-back.action';
import { sectionDiscardAction } from './section-discard.action';
import { sectionNextAction } from './section-next.action';
import { sectionOpenAction } from './section-open.action';
import { sectionRebaseAction } from './section-rebase.action';
import { sectionSaveAction } from './section-save.action';
import { sectionSubmitAction } from './section-submit.action';
import { sectionsShowAction } from './sections-show.action';
import { statusShowAction } from './status-show.action';
import { tasksShowAction } from './tasks-show.action';

/** Every card action the bot answers, one handler per verb. */
export const CARD_ACTIONS: readonly CardAction<never>[] = [
  statusShowAction,
  sectionsShowAction,
  sectionOpenAction,
  sectionBackAction,
  sectionNextAction,
  sectionSaveAction,
  sectionSubmitAction,
  sectionDiscardAction,
  sectionRebaseAction,
  rowOpenAction,
  rowSaveAction,
  rowRemoveAction,
  assignFormAction,
  assignAction,
  tasksShowAction,
  checkShowAction,
  checkGroupAction,
  requirementFormAction,
  requirementSaveAction,
] as unknown as CardAction<never>[];
