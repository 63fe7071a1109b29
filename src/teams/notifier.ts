import type { Activity, ConversationReference } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { Clock, Delivery, Notification, Notifier, NotifyOptions } from '../app/ports';
import type { ReachService } from '../app/reach.service';
import { renderCard, type AdaptiveCardJson } from './cards';
import { VERBS } from './verbs';
import { assignedCard } from './views/work.view';
import { signOffCard } from './views/sign-off.view';
import { feedbackItemCard } from './views/feedback.view';
import { themeTitle } from '../domain/feedback.schema';
import { dateWords } from './words';

/** Sends an activity into a stored conversation; the adapter decides how (Bot Framework, or a test adapter). */
export type ProactiveSend = (reference: Partial<ConversationReference>, activity: Partial<Activity>) => Promise<void>;

export interface NotificationContext {
  readonly today: string;
  /** Where links in cards point: this bot's public address. */
  readonly baseUrl: string;
  /** The recipient's Teams user id, for cards that show them their own view. */
  readonly userId: string | undefined;
}

const notice = (style: string, title: string, message: string, items: string[] = [], buttons: unknown[] = []) => renderCard('reminder', { style, title, message, items, buttons });

/** What the SRO needs after one decision: the reason for a decline, and who is still to sign. */
const decidedWords = (n: Extract<Notification, { kind: 'signoff-decided' }>): string => {
  if (n.decision === 'declined') {
    return `Their reason: ${n.reason ?? '(none given)'} This round cannot now be completed: once the plan is changed to answer it, send the new version for sign-off.`;
  }
  if (!n.stillToSign) return 'Type "sign-off status" to see who is still to sign.';
  return n.stillToSign.length ? `Still to sign: ${n.stillToSign.join('; ')}.` : 'Every statutory signatory still asked has answered. Type "sign-off status" for the full picture.';
};

export const notificationCard = (n: Notification, ctx: NotificationContext): AdaptiveCardJson => {
  const today = ctx.today;
  switch (n.kind) {
    case 'assignment':
      return assignedCard(n.assignment, n.assignedByName, today);
    case 'update-reminder':
      return renderCard('reminder', {
        style: n.stage === 'nudge' ? 'default' : 'warning',
        title: n.stage === 'nudge' ? `Your ${n.quarterLabel} update is due by ${dateWords(n.deadline)}` : `Your ${n.quarterLabel} update is overdue`,
        message:
          n.stage === 'nudge'
            ? 'It takes a couple of minutes: the card is filled in from your last update. Still to post:'
            : `It was due by ${dateWords(n.deadline)}. The SRO will see which updates are missing. Still to post:`,
        items: n.workstreams.map((w) => w.name),
        buttons: n.workstreams.map((w) => ({ title: `Post the update for ${w.name.split(':')[0]}`, verb: VERBS.updateShow, data: { verb: VERBS.updateShow, workstream: w.id, quarter: n.quarterId } })),
      });
    case 'update-summary':
      return renderCard('reminder', {
        style: 'warning',
        title: `${n.missing.length} workstream update(s) missing for ${n.quarterLabel}`,
        message: 'Their leads have had two reminders. Still missing:',
        items: n.missing.map((m) => `${m.workstream} (${m.lead})`),
        buttons: [{ title: 'Open the highlight report', verb: VERBS.report, data: { verb: VERBS.report, quarter: n.quarterId } }],
      });
    case 'signoff-request':
      return signOffCard({
        round: n.round,
        request: n.request,
        requestedByName: n.requestedByName,
        changedSince: n.changedSince,
        baseUrl: ctx.baseUrl,
        userIds: ctx.userId ? [ctx.userId] : [],
        canAct: true,
        reminder: n.reminder,
        context: n.context ?? null,
      });
    case 'signoff-voided':
      return notice(
        'warning',
        `Sign-off of version ${n.round.planVersion} no longer counts`,
        `The plan changed after it was sent for sign-off (it is now version ${n.newVersion}), so signatures given for version ${n.round.planVersion} no longer count. The SRO can send the new version for sign-off.`,
        [],
        [{ title: 'Sign-off status', verb: VERBS.signoffStatus, data: { verb: VERBS.signoffStatus } }],
      );
    case 'signoff-question':
      return notice('default', `${n.fromName} (${n.roleTitle}) has a question about version ${n.round.planVersion}`, n.text, [], [
        ...(n.questionId ? [{ title: 'Answer', verb: VERBS.signoffAnswerForm, data: { verb: VERBS.signoffAnswerForm, question: n.questionId } }] : []),
        { title: 'Sign-off status', verb: VERBS.signoffStatus, data: { verb: VERBS.signoffStatus } },
      ]);
    case 'signoff-answer':
      return notice(
        'good',
        `${n.question.answer?.byName ?? 'The SRO'} answered your question about version ${n.round.planVersion}`,
        `You asked: “${n.question.question}”\n\n${n.question.answer?.byName ?? 'The SRO'} answered: “${n.question.answer?.text ?? ''}”`,
        [],
        [{ title: 'Open your sign-off request', verb: VERBS.signoffRefresh, data: { verb: VERBS.signoffRefresh, round: n.round.id, role: n.question.role, person: n.question.personId } }],
      );
    case 'signoff-decided':
      return notice(
        n.decision === 'signed' ? 'good' : 'attention',
        `${n.name} has ${n.decision === 'signed' ? 'signed' : 'declined'} version ${n.round.planVersion} as ${n.roleTitle}`,
        decidedWords(n),
        [],
        [{ title: 'Sign-off status', verb: VERBS.signoffStatus, data: { verb: VERBS.signoffStatus } }],
      );
    case 'feedback-new':
      return feedbackItemCard(n.item, [{ title: 'Route it', verb: VERBS.feedbackRouteForm, data: { verb: VERBS.feedbackRouteForm, item: n.item.id } }], 'staff', 'New feedback from the forum: please route it');
    case 'feedback-routed':
      return feedbackItemCard(n.item, [{ title: 'Answer: we did', verb: VERBS.feedbackAnswerForm, data: { verb: VERBS.feedbackAnswerForm, item: n.item.id } }], 'staff', `${n.routedByName} asks you to answer this feedback`);
    case 'feedback-answered':
      return feedbackItemCard(n.item, [{ title: 'You said, we did', verb: VERBS.feedbackList, data: { verb: VERBS.feedbackList } }], 'submitter', 'Your feedback has an answer', 'good');
    case 'feedback-overdue':
      return notice(
        'warning',
        `${n.items.length} feedback item(s) not answered yet`,
        'They have waited longer than the partnership agreed:',
        n.items.map((i) => `${themeTitle(i.theme)}, ${dateWords(i.createdAt)}`),
        [{ title: 'You said, we did', verb: VERBS.feedbackList, data: { verb: VERBS.feedbackList, status: 'new' } }],
      );
    case 'signoff-complete':
      return notice(
        'good',
        `Version ${n.round.planVersion} is signed off by all five signatories`,
        `${n.lastSigner ? `${n.lastSigner.name} signed last, as ${n.lastSigner.roleTitle}. ` : ''}All five statutory signatories have signed version ${n.round.planVersion}; the plan is signed off. The exported plan now shows the signatures and the text's fingerprint (SHA-256 ${n.round.planHash.slice(0, 16)}…).`,
        [],
        [
          { title: 'Sign-off status', verb: VERBS.signoffStatus, data: { verb: VERBS.signoffStatus } },
          { title: 'Announce it in the team channel', verb: VERBS.channelPostSigned, data: { verb: VERBS.channelPostSigned } },
        ],
      );
  }
};



/** How often, and how patiently, one recipient's card is retried when Teams answers 429 or 5xx. */
export interface RetryPolicy {
  readonly attempts: number;
  /** The first wait; it doubles each time (or Teams' Retry-After, if longer), up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000 };

const statusOf = (error: unknown): number | undefined => {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  const code = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof code === 'number' ? code : undefined;
};

const retryAfterMs = (error: unknown): number => {
  const headers = (error as { response?: { headers?: Record<string, unknown> | { get?: (k: string) => unknown } } } | null)?.response?.headers;
  const raw = headers && typeof (headers as { get?: unknown }).get === 'function' ? (headers as { get: (k: string) => unknown }).get('retry-after') : (headers as Record<string, unknown> | undefined)?.['retry-after'];
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
};

/** 429 and 5xx (and network failures with no status) may pass; 403 / 404 (app removed, no such chat) will not. */
export const isTransient = (error: unknown): boolean => {
  const status = statusOf(error);
  return status === undefined || status === 429 || status >= 500;
};

/**
 * Reaches people only in a 1:1 chat with the bot, one recipient at a time: the chat they opened,
 * or one the bot opens with a member of the partnership's team (ReachService). Finding the chat is
 * part of delivery: a roster read or a new chat that Teams answers with 429 / 5xx is retried like a send.
 */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly reach: ReachService,
    private readonly send: ProactiveSend,
    private readonly clock: Clock,
    private readonly baseUrl: string,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly log: (event: Record<string, unknown>) => void = () => undefined,
  ) {}

  async notify(personId: string, notification: Notification, options: NotifyOptions = {}): Promise<Delivery> {
    const attempt = <T>(work: () => Promise<T>) => this.attempt(work, options);
    let activity: Partial<Activity>;
    let reference: Partial<ConversationReference>;
    try {
      const found = await this.reach.conversationFor(personId, attempt);
      if ('reason' in found) {
        this.log({ event: 'notification not delivered', personId, kind: notification.kind, reason: found.reason });
        return found.reason;
      }
      reference = found.reference as Partial<ConversationReference>;
    } catch (error) {
      return this.failed(error, personId, notification, options);
    }
    try {
      const card = notificationCard(notification, { today: this.clock.now().toISOString().slice(0, 10), baseUrl: this.baseUrl, userId: reference.user?.id });
      activity = { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
    } catch (error) {
      this.log({ event: 'notification not rendered', personId, kind: notification.kind, error: (error as Error).name });
      return 'unreachable';
    }
    try {
      await attempt(() => this.send(reference, activity));
      return 'sent';
    } catch (error) {
      return this.failed(error, personId, notification, options);
    }
  }

  /** After the retries: a transient failure is thrown for a caller with a queue of its own; a refusal is named. */
  private failed(error: unknown, personId: string, notification: Notification, options: NotifyOptions): Delivery {
    if (isTransient(error) && (options.onTransient === 'throw' || options.onTransient === 'retry-then-throw')) throw error;
    const status = statusOf(error);
    this.log({ event: 'notification not delivered', personId, kind: notification.kind, status: status ?? null });
    return status === 403 ? 'blocked' : 'unreachable';
  }

  /** One call to Teams, with 429 and 5xx retried (doubling waits, or Teams' Retry-After) unless the caller queues its own retries. */
  private async attempt<T>(work: () => Promise<T>, options: NotifyOptions): Promise<T> {
    const sleep = this.retry.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!isTransient(error) || options.onTransient === 'throw' || attempt >= this.retry.attempts) throw error;
        await sleep(Math.min(this.retry.maxDelayMs, Math.max(this.retry.baseDelayMs * 2 ** (attempt - 1), retryAfterMs(error))));
      }
    }
  }
}
