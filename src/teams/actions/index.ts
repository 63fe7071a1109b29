import type { CardAction } from './action.types';
import { feedbackFormAction } from './feedback-form.action';
import { feedbackSubmitAction } from './feedback-submit.action';
import { feedbackListAction } from './feedback-list.action';
import { feedbackShowAction } from './feedback-show.action';
import { feedbackRouteFormAction } from './feedback-route-form.action';
import { feedbackRouteAction } from './feedback-route.action';
import { feedbackAnswerFormAction } from './feedback-answer-form.action';
import { feedbackAnswerAction } from './feedback-answer.action';
import { signOffStartAction } from './signoff-start.action';
import { signOffSendAction } from './signoff-send.action';
import { signOffApproveAction } from './signoff-approve.action';
import { signOffDeclineAction } from './signoff-decline.action';
import { signOffQuestionAction } from './signoff-question.action';
import { signOffRefreshAction } from './signoff-refresh.action';
import { signOffStatusAction } from './signoff-status.action';
import { signOffResendAction } from './signoff-resend.action';
import { changeHistoryAction } from './change-history.action';
import { delegateFormAction } from './delegate-form.action';
import { delegateAction } from './delegate.action';
import { dependencyFormAction } from './dependency-form.action';
import { dependencySaveAction } from './dependency-save.action';
import { reportShowAction } from './report-show.action';
import { reportDownloadAction } from './report-download.action';
import { spendShowAction } from './spend-show.action';
import { spendSaveAction } from './spend-save.action';
import { riskFormAction } from './risk-form.action';
import { riskSaveAction } from './risk-save.action';
import { risksShowAction } from './risks-show.action';
import { historyShowAction } from './history-show.action';
import { updateHistoryAction } from './update-history.action';
import { updatePostAction } from './update-post.action';
import { updateShowAction } from './update-show.action';
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
import { signOffAnswerFormAction } from './signoff-answer-form.action';
import { signOffAnswerAction } from './signoff-answer.action';
import { intentChooseAction } from './intent-choose.action';
import { assistSuggestAction } from './assist-suggest.action';
import { suggestionUseAction } from './suggestion-use.action';
import { suggestionEditAction } from './suggestion-edit.action';
import { suggestionDiscardAction } from './suggestion-discard.action';
import { peopleShowAction } from './people-show.action';
import { personAddAction } from './people-add.action';
import { personFormAction } from './people-form.action';
import { personSaveAction } from './people-save.action';
import { personRemoveAction } from './people-remove.action';
import { channelPostReportAction, channelPostSignedAction } from './channel-post.action';
import { teamConfirmAction } from './team-confirm.action';

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
  updateShowAction,
  updatePostAction,
  delegateFormAction,
  delegateAction,
  updateHistoryAction,
  risksShowAction,
  historyShowAction,
  riskFormAction,
  riskSaveAction,
  dependencyFormAction,
  dependencySaveAction,
  changeHistoryAction,
  reportShowAction,
  reportDownloadAction,
  spendShowAction,
  spendSaveAction,
  signOffStartAction,
  signOffSendAction,
  signOffApproveAction,
  signOffDeclineAction,
  signOffQuestionAction,
  signOffRefreshAction,
  signOffStatusAction,
  signOffResendAction,
  feedbackFormAction,
  feedbackSubmitAction,
  feedbackListAction,
  feedbackShowAction,
  feedbackRouteFormAction,
  feedbackRouteAction,
  feedbackAnswerFormAction,
  feedbackAnswerAction,
  signOffAnswerFormAction,
  signOffAnswerAction,
  intentChooseAction,
  assistSuggestAction,
  suggestionUseAction,
  suggestionEditAction,
  suggestionDiscardAction,
  peopleShowAction,
  personAddAction,
  personFormAction,
  personSaveAction,
  personRemoveAction,
  channelPostReportAction,
  channelPostSignedAction,
  teamConfirmAction,
] as unknown as CardAction<never>[];
