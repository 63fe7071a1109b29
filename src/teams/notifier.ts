import type { Activity, ConversationReference } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { Notification, Notifier, Store } from '../app/ports';
import type { Clock } from '../app/ports';
import { assignedCard } from './views/work.view';

/** Sends an activity into a stored conversation; the adapter decides how (Bot Framework, or a test adapter). */
export type ProactiveSend = (reference: Partial<ConversationReference>, activity: Partial<Activity>) => Promise<void>;

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
    const card = assignedCard(notification.assignment, notification.assignedByName, this.clock.now().toISOString().slice(0, 10));
    await this.send(reference, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    return 'sent';
  }
}
