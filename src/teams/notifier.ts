import type { Activity, ConversationReference } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { Clock, Notification, Notifier, Store } from '../app/ports';
import { renderCard, type AdaptiveCardJson } from './cards';
import { VERBS } from './verbs';
import { assignedCard } from './views/work.view';
import { dateWords } from './words';

/** Sends an activity into a stored conversation; the adapter decides how (Bot Framework, or a test adapter). */
export type ProactiveSend = (reference: Partial<ConversationReference>, activity: Partial<Activity>) => Promise<void>;

export const notificationCard = (n: Notification, today: string): AdaptiveCardJson => {
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
  }
};

/** Reaches people in the conversation they last used with the bot. */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly store: Store,
    private readonly send: ProactiveSend,
    private readonly clock: Clock,
  ) {}

  async notify(personId: string, notification: Notification): Promise<'sent' | 'no-conversation'> {
    const reference = (await this.store.loadConversation(personId)) as Partial<ConversationReference> | null;
    if (!reference) return 'no-conversation';
    const card = notificationCard(notification, this.clock.now().toISOString().slice(0, 10));
    await this.send(reference, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    return 'sent';
  }
}
