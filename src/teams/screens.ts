import type { Services } from '../app/services';
import type { EditResult } from '../app/section-editing.service';
import { parseQuarter, quarterOf } from '../domain/quarters';
import { listCard, riskRegisterCard, updateCard, workstreamsToUpdateCard } from './views/progress.view';
import { reportCard } from './views/report.view';
import { VERBS } from './verbs';
import { isDomainError } from '../domain/errors';
import type { RagRating, SignatoryRole } from '../domain/plan.schema';
import type { Decision } from '../app/sign-off.service';
import { signOffCard, signOffStartCard, signOffStatusCard } from './views/sign-off.view';
import { threadLines } from './views/sign-off-questions.view';
import { dateWords } from './words';
import type { FeedbackFilter } from '../app/feedback.service';
import { feedbackFormCard, feedbackItemCard, feedbackListCard, itemButtons } from './views/feedback.view';
import { hasRole, type Person } from '../domain/people.schema';
import type { AdaptiveCardJson } from './cards';
import { COMMANDS } from './commands';
import { helpCard } from './views/help.view';
import { checkCard } from './views/readiness.view';
import { conflictCard, rowFormCard, savedCard, sectionFormCard } from './views/section.view';
import { statusCard } from './views/status.view';
import { sectionsCard, tasksCard } from './views/work.view';
import { planDownloadCard, reportDownloadCard } from './views/documents.view';
import { spendFormCard } from './views/spend.view';
import type { UpdateForm } from '../app/workstream-update.service';
import type { AssistRequest } from '../app/assist.types';
import type { SuggestFor } from '../app/drafting.service';
import type { Suggestion } from '../app/ports';
import { SECTION_FORMS } from '../app/questionnaire/section-forms';
import { sectionLabel } from '../domain/plan.sections';
import { suggestionCard } from './views/suggestion.view';
import { noticeCard } from './views/notice.view';
import { answerFormCard } from './views/feedback.view';
import { asInputs } from '../app/questionnaire/input-name';

const SUGGESTION_TITLES: Readonly<Record<string, string>> = {
  'summarise-updates': 'Suggested summary of the quarter’s updates',
  'plain-english': 'Suggested rewrite, in plain English for families',
  'draft-section': 'Suggested draft',
  'suggest-mitigation': 'Suggested mitigation',
};


/** The screens people reach both by typing and by pressing buttons. */
export type { Services };

type ActionContext = import('./actions/action.types').ActionContext;

export const screens = (s: Services, options: { baseUrl: string } = { baseUrl: 'http://localhost:3978' }) => {
  const names = () => s.roster.names();
  const today = () => s.clock.now().toISOString().slice(0, 10);
  const self = {
    names,
    today,
    help: async (person: Person) => helpCard(person, await s.overview.planIfAny(), COMMANDS),
    status: async () => {
      const { snapshot, sections } = await s.overview.status();
      return statusCard(snapshot, sections, (await names()).get(snapshot.updatedBy ?? '') ?? 'the assistant');
    },
    sections: async (person: Person) => {
      const [{ snapshot, sections }, owners, drafts, people] = await Promise.all([
        s.overview.status(),
        s.assignments.open(),
        s.assignments.draftsOf(person),
        names(),
      ]);
      return sectionsCard(snapshot.plan, snapshot.version, sections, owners, drafts, people, hasRole(person, 'sro'));
    },
    tasks: async (person: Person) => {
      const [{ tasks, drafts }, snapshot] = await Promise.all([s.assignments.tasksFor(person), s.overview.current()]);
      const commentText = (t: { reviewCommentId: string | null }) => {
        const c = snapshot.plan.reviewComments.find((x) => x.id === t.reviewCommentId);
        return c ? `${c.author} asked: “${c.text}”` : '';
      };
      return tasksCard(person, tasks, drafts, commentText, today());
    },
    check: async () => checkCard((await s.overview.readiness()).report),
    /** One workstream: its update form. Several: a choice. */
    update: async (person: Person, workstreamId?: string, quarterId?: string) => {
      const quarter = await s.updates.quarterToPost(quarterId);
      const mine = await s.updates.postableWorkstreams(person);
      const target = workstreamId ?? (mine.length === 1 ? mine[0]?.id : undefined);
      if (!target) return workstreamsToUpdateCard(mine, quarter);
      return self.updateView(person, await s.updates.form(person, target, quarter.id));
    },
    /** The update form, with "Record actual spend" for the SRO and the leads in a delivery quarter of the plan's year. */
    updateView: async (person: Person, form: UpdateForm, notice: { style: string; text: string } | null = null) => updateCard(form, notice, s.spend.canRecordIn(person, form)),
    /** The plan as Annex A: one personal link for the Word file and one for the Markdown. */
    exportPlan: async (person: Person) => {
      const [word, markdown] = await s.exports.createLinks(person, { kind: 'plan' }, ['docx', 'md']);
      return planDownloadCard(options.baseUrl, word!, markdown!);
    },
    /** The quarter's highlight report as a Word file, with its charts. */
    reportDownload: async (person: Person, quarterId?: string) => {
      const quarter = quarterId ? parseQuarter(quarterId) : quarterOf(s.clock.now());
      const [word] = await s.exports.createLinks(person, { kind: 'report', quarter: quarter.id }, ['docx']);
      return reportDownloadCard(options.baseUrl, quarter, word!);
    },
    /** The actual spend form for a delivery quarter (this quarter when none is named). */
    spend: async (person: Person, quarterId?: string) => spendFormCard(await s.spend.form(person, quarterId), await names()),
    risks: async (person: Person, notice: { style: string; text: string } | null = null, page = 0, rag?: RagRating) => {
      const register = await s.risks.registerFor(person);
      // "Which risks are red": the open risks of that rating only, saying so.
      const shown = rag ? { ...register, headline: register.headline.filter((r) => r.rag === rag), others: register.others.filter((r) => r.rag === rag) } : register;
      const said = rag ? { style: 'default', text: `Showing the open risks rated ${rag.toLowerCase()} only. Type "risks" for the whole register.` } : notice;
      return riskRegisterCard(shown, said, page);
    },
    /** The dependency log (Q11) on its own: the register card with its risks left out, saying so. */
    dependencies: async (person: Person) => {
      return riskRegisterCard(await s.risks.registerFor(person), { style: 'default', text: 'Showing the dependency log only. Type "risks" for the risk register too.' }, 0, 'dependencies');
    },
    /** The SRO may post an outline of it to the partnership's team channel, once the app is in a team. */
    report: async (quarterId?: string, person?: Person) => {
      const canPost = Boolean(person && (await s.channel.canPost(person)));
      return reportCard((await s.reports.report(quarterId)).report, await names(), { canPost });
    },
    signOffStart: async (person: Person) => signOffStartCard(await s.signOff.prepare(person)),
    signOffStatus: async (person: Person) => signOffStatusCard(await s.signOff.status(person), hasRole(person, 'sro')),
    /** The signatory card as this person may see it: buttons only for the signatory, while it is theirs to answer. */
    signOffView: async (person: Person, roundId: string, role: SignatoryRole, personId: string, notice?: string, teamsUserId?: string, refused?: { error: string; typed: string }) => {
      const { found, request, requesterName } = await s.signOff.requestOf(roundId, role, personId);
      const thread = person.id === personId ? threadLines(await s.signOffQuestions.thread(roundId, personId)) : [];
      return signOffCard({
        thread,
        round: found.round,
        request,
        requestedByName: requesterName,
        changedSince: null,
        context: await s.signOff.context(found.round),
        baseUrl: options.baseUrl,
        userIds: person.id === personId && teamsUserId ? [teamsUserId] : [],
        canAct: person.id === personId,
        notice,
        ...refused,
      });
    },
    decide: async (ctx: ActionContext, d: { round: string; role: SignatoryRole; version: number }, decision: Decision) => {
      let after;
      try {
        const input = { roundId: d.round, role: d.role, cardVersion: d.version, text: ctx.values.text };
        if (decision === 'question') {
          // The request card comes back as it was, emptied, saying where the question went.
          const { question, sroName } = await s.signOffQuestions.ask(ctx.person, input, ctx.requestId);
          const sent = `Your question was sent to ${sroName ?? 'the SRO'} on ${dateWords(question.askedAt)}. You can still approve or decline.`;
          return self.signOffView(ctx.person, d.round, d.role, ctx.person.id, sent, ctx.teamsUserId);
        }
        after = await s.signOff.decide(ctx.person, { ...input, decision }, ctx.requestId);
      } catch (error) {
        // What they typed was refused (no reason, too long): the request card stays, buttons and all, with the reason beside the box.
        if (!isDomainError(error, 'INPUT.INVALID')) throw error;
        const typed = typeof ctx.values.text === 'string' ? ctx.values.text : '';
        return self.signOffView(ctx.person, d.round, d.role, ctx.person.id, undefined, ctx.teamsUserId, { error: error.message, typed });
      }
      const words =
        decision === 'approve'
            ? after.round.status === 'signed'
              ? `You approved version ${after.round.planVersion}. All five signatories have now signed.`
              : `You approved version ${after.round.planVersion}. Thank you.`
            : `You declined version ${after.round.planVersion}. The SRO has your reason.`;
      return self.signOffView(ctx.person, d.round, d.role, ctx.person.id, words, ctx.teamsUserId);
    },
    feedbackForm: async (person: Person, typed: Record<string, unknown> = {}, error = '', errors: Readonly<Record<string, string>> = {}) => {
      const voices = s.feedback.submittableVoices(person);
      return feedbackFormCard(person, voices, (await s.overview.current()).plan, typed, error, errors);
    },
    feedbackList: async (person: Person, filter: FeedbackFilter = {}, page = 0) =>
      feedbackListCard(await s.feedback.list(person, filter), filter, s.feedback.voicesFor(person).length > 0, page),
    feedbackItem: async (person: Person, id: string) => {
      const { item, audience } = await s.feedback.readable(person, id);
      return feedbackItemCard(item, itemButtons(item, person, hasRole(person, 'sro')), audience);
    },
    history: async (page = 0) => {
      const { snapshot } = await s.risks.register();
      const plan = snapshot.plan;
      const b = (title: string, verb: string, data: Record<string, unknown>) => ({ title, verb, data: { verb, ...data } });
      return listCard({
        paging: { page, verb: VERBS.history },
        title: 'History',
        subtitle: 'Every change is kept: open one to see each version, who made it and when.',
        groups: [
          { heading: 'Workstream updates', rows: plan.deliveryPlan.workstreams.map((w) => ({ text: `Workstream ${w.code}: ${w.name}`, buttons: [b('History', VERBS.updateHistory, { workstream: w.id })] })) },
          { heading: 'Risks', rows: plan.risks.risks.map((r) => ({ text: r.description, badge: r.status === 'closed' ? 'Closed' : (r.rag ?? ''), buttons: [b('History', VERBS.changeHistory, { kind: 'risk', id: r.id })] })) },
          { heading: 'Dependencies', rows: plan.dependencies.items.map((d) => ({ text: d.area, buttons: [b('History', VERBS.changeHistory, { kind: 'dependency', id: d.id })] })) },
        ],
      });
    },
    /** Drafting help: without a model configured, it says so. */
    edit: async (result: EditResult): Promise<AdaptiveCardJson> => {
      switch (result.kind) {
        case 'form':
          return sectionFormCard(result, (await s.overview.current()).version, await names());
        case 'row':
          return rowFormCard(result);
        case 'conflict':
          return conflictCard(result);
        case 'saved':
          return savedCard(result);
      }
    },
    /** Drafting help asked for in words: a suggestion card, or a notice saying why not. */
    assist: async (person: Person, request: AssistRequest, requestId?: string) => self.suggestionView(await s.drafting.assist(person, request, requestId)),
    /** "Suggest a draft" pressed beside a field. */
    suggest: async (person: Person, target: SuggestFor, typed: string | null, requestId: string) => self.suggestionView(await s.drafting.suggest(person, target, typed, requestId)),
    suggestionView: async (suggestion: Suggestion) => {
      const plan = (await s.overview.current()).plan;
      const t = suggestion.target;
      const risk = t?.kind === 'risk' ? plan.risks.risks.find((r) => r.id === t.riskId) : undefined;
      const field = t?.kind === 'section' ? SECTION_FORMS[t.section].steps.flatMap((x) => x.fields ?? []).find((f) => f.path === t.path) : undefined;
      const words =
        t?.kind === 'section'
          ? { title: `Suggested draft: ${sectionLabel(t.section)}${field ? ` – ${field.label}` : ''}`, where: `your draft of ${sectionLabel(t.section)}` }
          : t?.kind === 'risk'
            ? { title: `Suggested mitigation: ${risk?.description ?? 'a risk'}`, where: 'your draft of the risk register, as this risk’s mitigation' }
            : t?.kind === 'feedback'
              ? { title: 'Suggested answer, in plain English', where: 'the answer form for this feedback' }
              : { title: SUGGESTION_TITLES[suggestion.promptName] ?? 'Suggestion', where: null };
      return suggestionCard(suggestion, words);
    },
    /** Use or Edit: the suggestion goes into the person's own draft (or answer form), never straight into the plan. */
    useSuggestion: async (person: Person, id: string, mode: 'use' | 'edit'): Promise<AdaptiveCardJson> => {
      const suggestion = await s.drafting.usable(person, id);
      const t = suggestion.target!;
      const notice =
        mode === 'use'
          ? { style: 'good' as const, text: 'The AI suggestion is in your draft below. Check it and change anything that is not right, then submit. Nothing is in the plan until you do.' }
          : { style: 'warning' as const, text: 'The AI suggestion is in your draft below for you to edit. Change it as you need, then save your draft or submit. Nothing is in the plan until you submit.' };
      let card: AdaptiveCardJson;
      if (t.kind === 'section') card = await self.edit(await s.editing.fillField(person, t.section, t.path, suggestion.text, notice));
      else if (t.kind === 'risk') card = await self.edit(await s.editing.fillRowField(person, 'risks', t.riskId, t.field, suggestion.text, notice));
      else {
        const item = await s.feedback.answerable(person, t.feedbackId);
        card = answerFormCard(item, asInputs({ text: suggestion.text }), 'The AI suggestion is in the answer box below. Check it and change anything that is not right, then send it. Nothing is sent until you do.');
      }
      await s.drafting.markUsed(person, id);
      return card;
    },
    discardSuggestion: async (person: Person, id: string) => {
      await s.drafting.discard(person, id);
      return noticeCard({ style: 'good', title: 'Suggestion discarded', message: 'Nothing was changed. Ask again whenever you want another suggestion.', hint: '' });
    },
  };
  return self;
};

export type Screens = ReturnType<typeof screens>;
