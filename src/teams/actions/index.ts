import type { RegisteredAction } from './action.types';
import { importTakeAction } from './import-take.action';
import { VERBS, type Verb } from '../verbs';
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

/**
 * Every card action the bot answers, one handler per verb: keyed by verb, so a verb with no
 * handler (or a handler filed under another verb) is a compile error, not a card that fails at run time.
 */
const BY_VERB: { readonly [V in Verb]: RegisteredAction<V> } = {
  [VERBS.assign]: assignAction,
  [VERBS.assignForm]: assignFormAction,
  [VERBS.assistSuggest]: assistSuggestAction,
  [VERBS.back]: sectionBackAction,
  [VERBS.changeHistory]: changeHistoryAction,
  [VERBS.channelPostReport]: channelPostReportAction,
  [VERBS.channelPostSigned]: channelPostSignedAction,
  [VERBS.check]: checkShowAction,
  [VERBS.delegate]: delegateAction,
  [VERBS.delegateForm]: delegateFormAction,
  [VERBS.dependencyForm]: dependencyFormAction,
  [VERBS.dependencySave]: dependencySaveAction,
  [VERBS.discard]: sectionDiscardAction,
  [VERBS.feedbackAnswer]: feedbackAnswerAction,
  [VERBS.feedbackAnswerForm]: feedbackAnswerFormAction,
  [VERBS.feedbackForm]: feedbackFormAction,
  [VERBS.feedbackList]: feedbackListAction,
  [VERBS.feedbackRoute]: feedbackRouteAction,
  [VERBS.feedbackRouteForm]: feedbackRouteFormAction,
  [VERBS.feedbackShow]: feedbackShowAction,
  [VERBS.feedbackSubmit]: feedbackSubmitAction,
  [VERBS.group]: checkGroupAction,
  [VERBS.history]: historyShowAction,
  [VERBS.intentChoose]: intentChooseAction,
  [VERBS.next]: sectionNextAction,
  [VERBS.open]: sectionOpenAction,
  [VERBS.importTake]: importTakeAction,
  [VERBS.people]: peopleShowAction,
  [VERBS.personAdd]: personAddAction,
  [VERBS.personForm]: personFormAction,
  [VERBS.personRemove]: personRemoveAction,
  [VERBS.personSave]: personSaveAction,
  [VERBS.rebase]: sectionRebaseAction,
  [VERBS.report]: reportShowAction,
  [VERBS.reportDownload]: reportDownloadAction,
  [VERBS.requirementForm]: requirementFormAction,
  [VERBS.requirementSave]: requirementSaveAction,
  [VERBS.riskForm]: riskFormAction,
  [VERBS.riskSave]: riskSaveAction,
  [VERBS.risks]: risksShowAction,
  [VERBS.rowOpen]: rowOpenAction,
  [VERBS.rowRemove]: rowRemoveAction,
  [VERBS.rowSave]: rowSaveAction,
  [VERBS.save]: sectionSaveAction,
  [VERBS.sections]: sectionsShowAction,
  [VERBS.showStatus]: statusShowAction,
  [VERBS.signoffAnswer]: signOffAnswerAction,
  [VERBS.signoffAnswerForm]: signOffAnswerFormAction,
  [VERBS.signoffApprove]: signOffApproveAction,
  [VERBS.signoffDecline]: signOffDeclineAction,
  [VERBS.signoffQuestion]: signOffQuestionAction,
  [VERBS.signoffRefresh]: signOffRefreshAction,
  [VERBS.signoffResend]: signOffResendAction,
  [VERBS.signoffSend]: signOffSendAction,
  [VERBS.signoffStart]: signOffStartAction,
  [VERBS.signoffStatus]: signOffStatusAction,
  [VERBS.spendSave]: spendSaveAction,
  [VERBS.spendShow]: spendShowAction,
  [VERBS.submit]: sectionSubmitAction,
  [VERBS.suggestionDiscard]: suggestionDiscardAction,
  [VERBS.suggestionEdit]: suggestionEditAction,
  [VERBS.suggestionUse]: suggestionUseAction,
  [VERBS.tasks]: tasksShowAction,
  [VERBS.teamConfirm]: teamConfirmAction,
  [VERBS.updateHistory]: updateHistoryAction,
  [VERBS.updatePost]: updatePostAction,
  [VERBS.updateShow]: updateShowAction,
};

export const CARD_ACTIONS: readonly RegisteredAction[] = Object.values(BY_VERB);
