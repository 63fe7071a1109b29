import type { FeedbackFilter, FeedbackView } from '../../app/feedback.service';
import { button } from './progress.view';
import type { FieldSpec } from '../../app/questionnaire/section-forms';
import {
  ANSWER_WORDS,
  FEEDBACK_THEMES,
  FeedbackStatus,
  STATUS_WORDS,
  themeTitle,
  Voice,
  VOICE_WORDS,
  type FeedbackItem,
} from '../../domain/feedback.schema';
import type { Person } from '../../domain/people.schema';
import type { Plan } from '../../domain/plan.schema';
import { SECTIONS, sectionLabel } from '../../domain/plan.sections';
import { shortenAtWord } from '../../domain/text';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { dateWords } from '../words';
import { fieldData } from './section.view';
import { inputName } from '../../app/questionnaire/input-name';

const field = (spec: FieldSpec, value: string, error: string | null = null) => fieldData({ spec, value, error: error ?? null }, false);
const typedOr = (typed: Record<string, unknown>, key: string, fallback: string) => (typeof typed[inputName(key)] === 'string' ? (typed[inputName(key)] as string) : fallback);

const answerHeading = (item: FeedbackItem) =>
  item.answer
    ? `${ANSWER_WORDS[item.answer.kind]}${item.answer.plannedFor ? `, by ${dateWords(item.answer.plannedFor)}` : ''} – answered ${dateWords(item.answer.at)} by ${item.answer.byName}`
    : 'Not answered yet';
const answerColour = (item: FeedbackItem) => (!item.answer ? 'Warning' : item.answer.kind === 'not-possible' ? 'Attention' : 'Good');

export const feedbackFormCard = (
  person: Person,
  voices: readonly Voice[],
  plan: Plan,
  typed: Record<string, unknown> = {},
  error = '',
  errors: Readonly<Record<string, string>> = {},
): AdaptiveCardJson => {
  const concerns = [
    ...SECTIONS.map((s) => ({ value: s.key, title: sectionLabel(s.key) })),
    ...plan.deliveryPlan.workstreams.map((w) => ({ value: w.id, title: `Workstream ${w.code}: ${w.name}` })),
  ];
  const fields = [
    ...(voices.length > 1
      ? [field({ path: 'voice', label: 'Whose voice is it?', kind: 'choice', choices: voices.map((v) => ({ value: v, title: VOICE_WORDS[v] })) }, typedOr(typed, 'voice', ''), errors.voice)]
      : []),
    field({ path: 'theme', label: 'What is it about?', kind: 'choice', choices: FEEDBACK_THEMES.map((t) => ({ value: t.id, title: t.title })) }, typedOr(typed, 'theme', ''), errors.theme),
    field({ path: 'said', label: 'What was said', kind: 'multiline', max: 2000, hint: 'In their words, as plainly as you like.' }, typedOr(typed, 'said', ''), errors.said),
    field({ path: 'concerns', label: 'Which part of the plan (optional)', kind: 'choice', choices: concerns }, typedOr(typed, 'concerns', ''), errors.concerns),
    field({ path: 'groupsReached', label: 'Which groups it came from (optional), including seldom-heard groups', kind: 'text', max: 300 }, typedOr(typed, 'groupsReached', ''), errors.groupsReached),
    field({ path: 'publish', label: 'May it be published in the plan?', kind: 'yesno' }, typedOr(typed, 'publish', 'no')),
    field({ path: 'anonymous', label: 'If published, leave your name off?', kind: 'yesno' }, typedOr(typed, 'anonymous', 'yes')),
  ];
  return renderCard('form', {
    title: 'You said: give feedback',
    subtitle: `${person.name}, for ${voices.map((v) => VOICE_WORDS[v].toLowerCase()).join(' or ')} voice. The SRO will pass it to whoever can answer, and you will see the answer here.`,
    noticeText: error,
    noticeStyle: 'attention',
    fields,
    submit: { title: 'Send feedback', verb: VERBS.feedbackSubmit, data: { verb: VERBS.feedbackSubmit } },
    cancel: { verb: '', data: {} },
  });
};

/**
 * Who reads the card decides whose name it shows. The SRO and the person answering always see
 * who sent it, so they can reply; "leave my name off" is about publication. Anyone else reads
 * a published item as the annex would show it.
 */
export type FeedbackAudience = 'staff' | 'submitter' | 'reader';

const fromWords = (item: FeedbackItem, audience: FeedbackAudience): string =>
  audience === 'submitter'
    ? 'From you'
    : audience === 'staff'
      ? `From ${item.submitterName}${item.publish && item.anonymous ? ' (name left off if published)' : ''}`
      : `From ${item.anonymous ? 'a forum representative' : item.submitterName}`;

export const feedbackItemCard = (
  item: FeedbackItem,
  buttons: readonly { title: string; verb: string; data: Record<string, unknown> }[],
  audience: FeedbackAudience,
  title?: string,
  style = 'emphasis',
): AdaptiveCardJson =>
  renderCard('feedback-item', {
    title: title ?? `${VOICE_WORDS[item.voice]} feedback: ${themeTitle(item.theme)}`,
    style,
    meta: `${fromWords(item, audience)}, ${dateWords(item.createdAt)}${item.about ? ` · about ${item.about}` : ''}${item.publish ? ' · may be published' : ' · not for publication'}`,
    said: item.said,
    groups: item.groupsReached ?? '',
    answerHeading: answerHeading(item),
    answerColour: answerColour(item),
    answer: item.answer?.text ?? '',
    statusText: `Status: ${STATUS_WORDS[item.status]}`,
    buttons,
  });

/** What a form says above its fields when some of them need putting right. */
export const FIX_FIELDS = 'Please put right the answers marked below. Nothing has been sent.';
export const FIX_ROUTE = 'Please put right the answer marked below. Nothing has been routed.';

/** Field messages from an INPUT.INVALID error's details, by field name. */
export const fieldErrors = (details: Readonly<Record<string, unknown>>): Record<string, string> =>
  Object.fromEntries(Object.entries((details.fields ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));

export const itemButtons = (item: FeedbackItem, person: Person, isSro: boolean) => [
  ...(isSro && (item.status === 'new' || item.status === 'routed') ? [button(item.status === 'new' ? 'Route it' : 'Route it elsewhere', VERBS.feedbackRouteForm, { item: item.id })] : []),
  ...((item.ownerId === person.id || isSro) && item.status !== 'closed' ? [button(item.answer ? 'Change the answer' : 'Answer: we did', VERBS.feedbackAnswerForm, { item: item.id })] : []),
];

export const routeFormCard = (item: FeedbackItem, people: readonly Person[], error = '', errors: Readonly<Record<string, string>> = {}): AdaptiveCardJson =>
  renderCard('form', {
    title: 'Route this feedback',
    subtitle: `${themeTitle(item.theme)}${item.about ? `, about ${item.about}` : ''}: the person you choose answers "we did", and ${item.submitterName}, who sent it, sees the answer.`,
    noticeText: error,
    noticeStyle: 'attention',
    fields: [field({ path: 'owner', label: 'Who should answer it', kind: 'choice', choices: people.map((p) => ({ value: p.id, title: p.name })) }, '', errors.owner)],
    submit: { title: 'Route it', verb: VERBS.feedbackRoute, data: { verb: VERBS.feedbackRoute, item: item.id } },
    cancel: { verb: VERBS.feedbackShow, data: { verb: VERBS.feedbackShow, item: item.id } },
  });

export const answerFormCard = (item: FeedbackItem, typed: Record<string, unknown> = {}, error = '', errors: Readonly<Record<string, string>> = {}): AdaptiveCardJson =>
  renderCard('form', {
    title: 'We did: answer this feedback',
    subtitle: `${themeTitle(item.theme)}. They said: “${shortenAtWord(item.said, 200)}”`.replace(/[*_`[\]#]/g, ' '),
    noticeText: error,
    noticeStyle: 'attention',
    fields: [
      field(
        { path: 'kind', label: 'What happened', kind: 'choice', choices: (Object.keys(ANSWER_WORDS) as (keyof typeof ANSWER_WORDS)[]).map((k) => ({ value: k, title: ANSWER_WORDS[k] })) },
        typedOr(typed, 'kind', item.answer?.kind ?? ''),
        errors.kind,
      ),
      field({ path: 'text', label: 'What we did, or will do, or why it is not possible', kind: 'multiline', max: 2000 }, typedOr(typed, 'text', item.answer?.text ?? ''), errors.text),
      field({ path: 'plannedFor', label: 'Planned for (if planned)', kind: 'date' }, typedOr(typed, 'plannedFor', item.answer?.plannedFor ?? ''), errors.plannedFor ?? null),
      field({ path: 'close', label: 'Close it (nothing more to do)?', kind: 'yesno' }, typedOr(typed, 'close', 'no')),
    ],
    submit: { title: 'Send the answer', verb: VERBS.feedbackAnswer, data: { verb: VERBS.feedbackAnswer, item: item.id } },
    cancel: { verb: VERBS.feedbackShow, data: { verb: VERBS.feedbackShow, item: item.id } },
    // Drafting help: rewrites what is in the answer box in plain English (or drafts one if it is empty).
    extra: { title: 'Suggest a draft', verb: VERBS.assistSuggest, data: { verb: VERBS.assistSuggest, item: item.id } },
  });

/** How many feedback items the list shows at once; the rest are a "More" away. */
export const FEEDBACK_PAGE_ITEMS = 10;

export const feedbackListCard = (view: FeedbackView, filter: FeedbackFilter, canSubmit: boolean, requestedPage = 0): AdaptiveCardJson => {
  const c = view.counts;
  const pages = Math.max(1, Math.ceil(view.items.length / FEEDBACK_PAGE_ITEMS));
  const page = Math.min(Math.max(0, Math.floor(requestedPage)), pages - 1);
  const pageButton = (title: string, p: number) => ({ title, verb: VERBS.feedbackList, data: { verb: VERBS.feedbackList, page: p, theme: filter.theme ?? '', voice: filter.voice ?? '', status: filter.status ?? '' } });
  const paging = [...(page > 0 ? [pageButton('Previous', page - 1)] : []), ...(page < pages - 1 ? [pageButton(`More (${page + 2} of ${pages})`, page + 1)] : [])];
  return renderCard('feedback-list', {
    summary: `${view.ownOnly ? 'Your feedback and published answers: ' : ''}${c.total} item(s): ${c.byVoice['parent-carer']} from parents and carers, ${c.byVoice['child-young-person']} from children and young people. ${
      c.byStatus.answered + c.byStatus.closed
    } answered, ${c.byStatus.new + c.byStatus.routed} waiting. ${c.medianDaysToAnswer === null ? 'Nothing answered yet.' : `Median time to answer: ${c.medianDaysToAnswer} day(s).`}`,
    themes: FEEDBACK_THEMES.map((t) => `${t.title} ${c.byTheme[t.id]}`).join(' · '),
    filter: { theme: filter.theme ?? '', voice: filter.voice ?? '', status: filter.status ?? '' },
    themeChoices: FEEDBACK_THEMES.map((t) => ({ title: t.title, value: t.id })),
    voiceChoices: Voice.options.map((v) => ({ title: VOICE_WORDS[v], value: v })),
    statusChoices: FeedbackStatus.options.map((s) => ({ title: STATUS_WORDS[s], value: s })),
    items: view.items.slice(page * FEEDBACK_PAGE_ITEMS, (page + 1) * FEEDBACK_PAGE_ITEMS).map((i) => ({
      id: i.id,
      heading: `${VOICE_WORDS[i.voice]} · ${themeTitle(i.theme)} · ${dateWords(i.createdAt)} · ${STATUS_WORDS[i.status]}`,
      said: shortenAtWord(i.said, 400),
      answerHeading: answerHeading(i),
      answerColour: answerColour(i),
      answer: i.answer ? shortenAtWord(i.answer.text, 300) : '',
    })),
    actions: [...paging, ...(canSubmit ? [button('Give feedback', VERBS.feedbackForm)] : [])],
    verbs: { list: VERBS.feedbackList, show: VERBS.feedbackShow },
  });
};
