import { DomainError } from '../domain/errors';
import {
  countFeedback,
  FeedbackAnswer,
  FeedbackStatus,
  FeedbackSubmission,
  FeedbackTheme,
  Voice,
  type FeedbackCounts,
  type FeedbackItem,
} from '../domain/feedback.schema';
import { hasRole, type Person } from '../domain/people.schema';
import { aboutWords } from '../domain/feedback-about';
import { SECTION_KEYS } from '../domain/plan.schema';
import { deliveryWord, type DeliveryWord } from './reach';
import { outboxMessage, type OutboxDispatcher } from './outbox.service';
import type { Clock, Notifier, Store } from './ports';

export interface FeedbackFilter {
  readonly theme?: FeedbackTheme;
  readonly voice?: Voice;
  readonly status?: FeedbackStatus;
}

export interface FeedbackView {
  readonly items: readonly FeedbackItem[];
  readonly counts: FeedbackCounts;
  /** True when the person sees only their own items (a forum representative). */
  readonly ownOnly: boolean;
}

const yes = (v: unknown) => v === true || v === 'true' || v === 'yes';
const blank = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

/** Turns zod's complaint into a field-level message the person can act on. */
const invalid = (issues: { path: (string | number)[]; message: string }[]) =>
  new DomainError('INPUT.INVALID', issues.map((i) => i.message).join(' '), { fields: Object.fromEntries(issues.map((i) => [String(i.path[0] ?? '_'), i.message])) });

/**
 * "You said, we did": forum representatives submit what families and young people said, the
 * SRO routes it, the owner answers, and the submitter sees the answer. Nothing is lost or
 * answered silently; everything is audited.
 */
export class FeedbackService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly outbox: OutboxDispatcher,
  ) {}

  /** The voices this person may submit for. */
  voicesFor(person: Person): Voice[] {
    return [...(hasRole(person, 'pcf-rep') ? (['parent-carer'] as const) : []), ...(hasRole(person, 'cyp-rep') ? (['child-young-person'] as const) : [])];
  }

  /** The voices this person may submit for; AUTH.FORBIDDEN for anyone who submits for none. */
  submittableVoices(person: Person): Voice[] {
    const voices = this.voicesFor(person);
    if (!voices.length) {
      throw new DomainError('AUTH.FORBIDDEN', "Feedback is submitted by the Parent Carer Forum's and the children and young people's forum representatives. You can read it with \"you said we did\".");
    }
    return voices;
  }

  /** One item as this person may read it: the SRO and its owner as staff, its submitter as theirs, others only when published and answered. */
  async readable(person: Person, id: string): Promise<{ item: FeedbackItem; audience: 'staff' | 'submitter' | 'reader' }> {
    const item = await this.load(id);
    const isSro = hasRole(person, 'sro');
    const mayRead = isSro || item.ownerId === person.id || item.submitterId === person.id || (await this.list(person)).items.some((i) => i.id === id);
    if (!mayRead) throw new DomainError('AUTH.FORBIDDEN', 'That feedback is not yours to read.');
    return { item, audience: isSro || item.ownerId === person.id ? 'staff' : item.submitterId === person.id ? 'submitter' : 'reader' };
  }

  /** An item this person may answer: routed to them, or any for the SRO. */
  async answerable(person: Person, id: string): Promise<FeedbackItem> {
    const item = await this.load(id);
    if (item.ownerId !== person.id && !hasRole(person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', 'Only the person this feedback was routed to, or the SRO, can answer it.');
    return item;
  }

  async submit(person: Person, values: Readonly<Record<string, unknown>>, requestId: string): Promise<FeedbackItem> {
    const voices = this.voicesFor(person);
    if (!voices.length) throw new DomainError('AUTH.FORBIDDEN', "Feedback is submitted by the Parent Carer Forum's and the children and young people's forum representatives.");
    const parsed = FeedbackSubmission.safeParse({
      voice: values.voice ?? (voices.length === 1 ? voices[0] : undefined),
      theme: values.theme,
      concerns: blank(values.concerns),
      said: typeof values.said === 'string' ? values.said : '',
      groupsReached: blank(values.groupsReached),
      publish: yes(values.publish),
      anonymous: yes(values.anonymous),
    });
    if (!parsed.success) throw invalid(parsed.error.issues);
    if (!voices.includes(parsed.data.voice)) {
      throw new DomainError('AUTH.FORBIDDEN', parsed.data.voice === 'child-young-person' ? "Children and young people's voice is submitted by the CYP forum's representatives." : "Parents' and carers' voice is submitted by the Parent Carer Forum's representatives.");
    }
    await this.knownConcern(parsed.data.concerns);
    const item: FeedbackItem = {
      ...parsed.data,
      id: `fb-${requestId}`.slice(0, 80),
      planId: this.planId,
      submitterId: person.id,
      submitterName: person.name,
      createdAt: this.clock.now().toISOString(),
      status: 'new',
      ownerId: null,
      routedAt: null,
      answer: null,
      flaggedAt: null,
    };
    const retried = await this.store.loadFeedback(item.id);
    if (retried) return (await this.described([retried]))[0]!;
    const [described] = await this.described([item]);
    const cards = (await this.store.listPeople()).filter((p) => hasRole(p, 'sro')).map((sro) => outboxMessage(item.id, sro.id, { kind: 'feedback-new', item: described! }));
    const stored = await this.store.addFeedback(item, { actorId: person.id, summary: `${person.name} submitted feedback`, notify: cards });
    await this.outbox.dispatch(cards.map((c) => c.id));
    return (await this.described([stored]))[0]!;
  }

  async route(sro: Person, itemId: string, ownerId: unknown): Promise<{ item: FeedbackItem; owner: Person; delivery: DeliveryWord }> {
    if (!hasRole(sro, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer routes feedback.");
    const item = await this.load(itemId);
    const owner = typeof ownerId === 'string' ? await this.store.findPerson(ownerId) : null;
    if (!owner) throw new DomainError('INPUT.INVALID', 'Choose who should answer it, from the roster.', { fields: { owner: 'Choose who should answer it, from the roster.' } });
    if (item.status !== 'new' && item.status !== 'routed') throw new DomainError('INPUT.INVALID', 'This feedback has already been answered.');
    const change = { status: 'routed' as const, ownerId: owner.id, routedAt: this.clock.now().toISOString() };
    const card = outboxMessage(`route:${item.id}`, owner.id, { kind: 'feedback-routed', item: { ...item, ...change }, routedByName: sro.name });
    const moved = await this.store.updateFeedback(item.id, item.status, change, {
      actorId: sro.id,
      summary: `${sro.name} routed feedback to ${owner.name}`,
      notify: [card],
    });
    if (!moved) throw new DomainError('INPUT.INVALID', 'Someone else changed this feedback first. Open it again.');
    const routed = await this.load(item.id);
    const outcome = (await this.outbox.dispatch([card.id])).get(card.id);
    const delivery = deliveryWord(outcome);
    return { item: routed, owner, delivery };
  }

  async answer(person: Person, itemId: string, values: Readonly<Record<string, unknown>>): Promise<FeedbackItem> {
    const item = await this.load(itemId);
    if (item.ownerId !== person.id && !hasRole(person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', 'Only the person this feedback was routed to, or the SRO, can answer it.');
    if (item.status === 'closed') throw new DomainError('INPUT.INVALID', 'This feedback is closed.');
    const parsed = FeedbackAnswer.safeParse({
      kind: values.kind,
      text: typeof values.text === 'string' ? values.text : '',
      plannedFor: blank(values.plannedFor),
      close: yes(values.close),
    });
    if (!parsed.success) throw invalid(parsed.error.issues);
    const at = this.clock.now().toISOString();
    const change = { status: parsed.data.close ? ('closed' as const) : ('answered' as const), answer: { ...parsed.data, at, byId: person.id, byName: person.name } };
    const card = outboxMessage(`answer:${item.id}:${JSON.stringify([change.status, parsed.data])}`, item.submitterId, { kind: 'feedback-answered', item: { ...item, ...change } });
    const moved = await this.store.updateFeedback(item.id, item.status, change, { actorId: person.id, summary: `${person.name} answered feedback`, notify: [card] });
    if (!moved) throw new DomainError('INPUT.INVALID', 'Someone else changed this feedback first. Open it again.');
    const answered = await this.load(item.id);
    await this.outbox.dispatch([card.id]);
    return answered;
  }

  async list(person: Person, filter: FeedbackFilter = {}): Promise<FeedbackView> {
    const all = await this.store.listFeedback(this.planId);
    const staff = hasRole(person, 'sro') || hasRole(person, 'workstream-lead') || hasRole(person, 'contributor') || hasRole(person, 'signatory');
    const ownOnly = !staff;
    const visible = all.filter((i) => !ownOnly || i.submitterId === person.id || (i.publish && i.answer !== null));
    const items = visible.filter((i) => (!filter.theme || i.theme === filter.theme) && (!filter.voice || i.voice === filter.voice) && (!filter.status || i.status === filter.status));
    return { items: await this.described(items.reverse()), counts: countFeedback(visible), ownOnly };
  }

  async load(id: string): Promise<FeedbackItem> {
    const item = await this.store.loadFeedback(id);
    if (!item || item.planId !== this.planId) throw new DomainError('INPUT.INVALID', 'That feedback is not one I know.');
    return (await this.described([item]))[0]!;
  }

  /** Tell the SRO, once per item, about feedback nobody has answered after `days` days. */
  async flagUnanswered(days: number): Promise<number> {
    const now = this.clock.now();
    const overdue = (await this.store.listFeedback(this.planId)).filter(
      (i) => (i.status === 'new' || i.status === 'routed') && !i.flaggedAt && now.getTime() - Date.parse(i.createdAt) >= days * 86_400_000,
    );
    if (!overdue.length) return 0;
    const flagged: FeedbackItem[] = [];
    for (const item of overdue) {
      // Only items this call flagged: another instance may have flagged (and told the SRO about) some already.
      if (await this.store.updateFeedback(item.id, item.status, { flaggedAt: now.toISOString() }, { actorId: 'system', summary: `Feedback unanswered after ${days} days: flagged to the SRO` })) flagged.push(item);
    }
    if (!flagged.length) return 0;
    for (const sro of (await this.store.listPeople()).filter((p) => hasRole(p, 'sro'))) await this.notifier.notify(sro.id, { kind: 'feedback-overdue', items: flagged });
    return flagged.length;
  }

  /** Published items for the plan's co-production annex, with names taken off where asked. */
  async published(): Promise<{ items: FeedbackItem[]; counts: FeedbackCounts }> {
    const all = await this.store.listFeedback(this.planId);
    return { items: await this.described(all.filter((i) => i.publish)), counts: countFeedback(all) };
  }

  async all(): Promise<FeedbackItem[]> {
    return this.described(await this.store.listFeedback(this.planId));
  }

  /** Items with what they are about named from the current plan. */
  private async described(items: readonly FeedbackItem[]): Promise<FeedbackItem[]> {
    if (!items.some((i) => i.concerns)) return items.map((i) => ({ ...i, about: null }));
    const plan = (await this.store.loadPlan(this.planId))?.plan ?? null;
    return items.map((i) => ({ ...i, about: aboutWords(plan, i.concerns) }));
  }

  private async knownConcern(concerns: string | null): Promise<void> {
    if (!concerns) return;
    const plan = (await this.store.loadPlan(this.planId))?.plan;
    const known = [...SECTION_KEYS, ...(plan?.deliveryPlan.workstreams.map((w) => w.id) ?? [])] as string[];
    if (!known.includes(concerns)) throw new DomainError('INPUT.INVALID', 'Choose the part of the plan from the list.', { fields: { concerns: 'Choose the part of the plan from the list.' } });
  }
}
