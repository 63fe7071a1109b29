import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Services } from './app/services';
import { ReminderService } from './app/reminder.service';
import { systemClock, type Clock, type Notifier, type Store } from './app/ports';
import type { Config } from './config';

/** Which instance this is, in the lease table: host, process and a random part for restarts. */
const instanceName = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export interface BackgroundWork {
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every instance ticks. The outbox is sent from all of them (each row is claimed by one sender);
 * reminders, sign-off reminders and overdue-feedback flags run on whichever instance holds the
 * lease, so with two instances each goes out once.
 */
export const startBackgroundWork = (options: { config: Config; store: Store; services: Services; notifier: Notifier; logger: Logger; clock?: Clock; instance?: string }): BackgroundWork => {
  const { config, store, services, notifier, logger } = options;
  const clock = options.clock ?? systemClock;
  const instance = options.instance ?? instanceName();
  // Long enough to outlive a slow tick, short enough that another instance takes over soon after a crash.
  const leaseMs = config.reminders.intervalSeconds * 3000;
  const reminders = new ReminderService(store, config.planId, notifier, clock, config.reminders);
  let ticking: Promise<void> | null = null;

  const work = async () => {
    try {
      // Notifications queued with a change but not sent yet (a crash after commit, Teams answering 429).
      const outbox = [...(await services.outbox.dispatch()).values()];
      if (outbox.length) logger.info({ sent: outbox.filter((o) => o === 'sent').length, retrying: outbox.filter((o) => o === 'retrying').length, notSent: outbox.filter((o) => o !== 'sent' && o !== 'retrying').length }, 'outbox');
      // Taken, or renewed, before each part: a slow part cannot run on past the lease into another instance's turn.
      const hold = () => {
        const now = clock.now();
        return store.acquireLease('reminders', instance, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString());
      };
      if (!(await hold())) return;
      const result = await reminders.tick();
      if (result.sent || result.retrying) logger.info(result, 'reminders');
      if (!(await hold())) return;
      const signOff = await services.signOff.remind({ days: config.signOffReminderDays });
      if (signOff.sent.length) logger.info(signOff, 'sign-off reminders');
      if (!(await hold())) return;
      const flagged = await services.feedback.flagUnanswered(config.feedbackAnswerDays);
      if (flagged) logger.info({ flagged }, 'unanswered feedback flagged to the SRO');
    } catch (error) {
      logger.error({ err: error }, 'reminder tick failed');
    }
  };
  const tick = () => {
    ticking ??= work().finally(() => (ticking = null));
    return ticking;
  };

  void tick();
  const timer = setInterval(() => void tick(), config.reminders.intervalSeconds * 1000);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await ticking;
      // Another instance need not wait for the lease to expire.
      await store.releaseLease('reminders', instance).catch(() => undefined);
    },
  };
};
