import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import type { SignOffRecord } from '../domain/plan.compile';
import { REQUIRED_SIGNATORY_ROLES, roleTitle, type SignatoryRole } from '../domain/plan.schema';
import { sectionLabel, SECTIONS } from '../domain/plan.sections';
import { assessReadiness, type ReadinessReport } from '../domain/readiness';
import { nextRequestState, nextRoundState } from '../domain/sign-off.machine';
import type { PlanDocumentService } from './plan-document.service';
import { roundContext, type RoundContext } from './sign-off-changes';
import { notReached, outboxId, outboxMessage, type OutboxDispatcher } from './outbox.service';
import { deliveryWord, isNotReachedReason, type NotReachedReason } from './reach';
import type { ChangeMeta, Clock, Notifier, PlanSnapshot, RoundWithRequests, SignOffQuestion, SignOffRequest, SignOffRound, Store } from './ports';

const isCoSigner = (p: Person) => p.roles.some((g) => g.role === 'signatory' && g.signatoryRole === 'co-signer');

export { roleTitle };

export interface SignOffPreparation {
  readonly snapshot: PlanSnapshot;
  readonly readiness: ReadinessReport;
  /** Who will be asked for each required role; null where nobody on the roster holds it. */
  readonly signatories: readonly { readonly role: SignatoryRole; readonly person: Person | null }[];
  readonly coSignerCandidates: readonly Person[];
  readonly current: RoundWithRequests | null;
}

export interface RequestResult {
  readonly round: SignOffRound;
  readonly requests: readonly SignOffRequest[];
  /** Asked, but not reached: the SRO must act (see `reasons`). */
  readonly unreachable: readonly SignOffRequest[];
  /** Why each of `unreachable` was not reached, by `reachKey`. */
  readonly reasons: ReadonlyMap<string, NotReachedReason>;
  readonly missingRoles: readonly SignatoryRole[];
}

export type Decision = 'approve' | 'decline' | 'question';

/** Everything the sign-off status shows: the latest round, and who holds each role on the roster now. */
export interface SignOffOverview {
  readonly current: RoundWithRequests | null;
  /** The five statutory roles in order, with who holds each on the roster; null where nobody does. */
  readonly holders: readonly { readonly role: SignatoryRole; readonly person: Person | null }[];
  readonly coSigners: readonly Person[];
  /** Whether each request in the current round has reached its signatory, by `reachKey`. */
  readonly reach: ReadonlyMap<string, Reach>;
  /** The current round's questions and answers, oldest first. */
  readonly questions: readonly SignOffQuestion[];
  /** The rounds before the current one, oldest first. */
  readonly earlier: readonly SignOffRound[];
}

/**
 * Whether a request's card has reached its signatory: 'delivered'; 'sending' (Teams asked us to
 * wait); 'ready' (they have opened the bot since, so Resend will reach them); or why not (a
 * NotReachedReason: not in the partnership's team and never opened the bot, removed or blocked the
 * app, another organisation, or Teams refused).
 */
export type Reach = 'delivered' | 'sending' | 'ready' | NotReachedReason;
export const reachKey = (r: Pick<SignOffRequest, 'role' | 'personId'>) => `${r.role}/${r.personId}`;

/**
 * Sign-off by the five statutory signatories, bound to the exact compiled text: a round
 * records the text and its hash, and any change to the plan afterwards voids the round.
 */
export class SignOffService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly documents: PlanDocumentService,
    private readonly outbox: OutboxDispatcher,
  ) {}

  async prepare(sro: Person): Promise<SignOffPreparation> {
    this.mustBeSro(sro);
    const snapshot = await this.snapshot();
    const people = await this.store.listPeople();
    const readiness = assessReadiness(snapshot.plan, { rosterSroCount: people.filter((p) => hasRole(p, 'sro')).length });
    return {
      snapshot,
      readiness,
      signatories: REQUIRED_SIGNATORY_ROLES.map((r) => ({ role: r.id, person: this.holder(people, r.id) })),
      coSignerCandidates: people.filter(isCoSigner),
      current: await this.latest(),
    };
  }

  async request(sro: Person, coSignerIds: readonly string[], requestId: string): Promise<RequestResult> {
    this.mustBeSro(sro);
    const snapshot = await this.snapshot();
    const people = await this.store.listPeople();
    const meta = { actorId: sro.id, summary: `${sro.name} requested sign-off of version ${snapshot.version}` };
    const previous = await this.latest();
    if (previous?.round.status === 'open') {
      // One open round per plan version: a retry or a second click answers with the round already out.
      if (previous.round.id === `round-${requestId}`.slice(0, 80) || previous.round.planVersion === snapshot.version) return this.resultOf(previous);
      await this.closeRound(previous.round, 'new-round', 'A new round was started', meta);
    }
    // The text sent is the text kept: every export of this version is made from it.
    const issued = await this.documents.issueCurrent(sro.id);
    const round: SignOffRound = {
      id: `round-${requestId}`.slice(0, 80),
      planId: this.planId,
      planVersion: issued.planVersion,
      planHash: issued.hash,
      token: randomBytes(18).toString('hex'),
      requestedBy: sro.id,
      requestedAt: this.clock.now().toISOString(),
      status: 'open',
      closedAt: null,
      closeReason: null,
    };
    const pending = (role: SignatoryRole, person: Person, required: boolean): SignOffRequest => ({
      roundId: round.id,
      role,
      personId: person.id,
      name: person.name,
      email: person.email,
      required,
      state: 'pending',
      decidedAt: null,
      reason: null,
      remindersSent: 0,
      lastRemindedAt: null,
    });
    const missingRoles: SignatoryRole[] = [];
    const requests: SignOffRequest[] = [];
    for (const r of REQUIRED_SIGNATORY_ROLES) {
      const person = this.holder(people, r.id);
      if (person) requests.push(pending(r.id, person, true));
      else missingRoles.push(r.id);
    }
    for (const id of new Set(coSignerIds)) {
      const person = people.find((p) => p.id === id);
      if (!person) throw new DomainError('INPUT.INVALID', 'Choose co-signers from the roster.');
      if (!requests.some((q) => q.personId === person.id)) requests.push(pending('co-signer', person, false));
    }
    const changedSince = await this.changedSinceLastSigned(snapshot.version);
    const context = await this.context(round);
    // The cards are queued with the round, in its transaction, and sent once it has committed.
    const cards = requests.map((request) => outboxMessage(round.id, request.personId, { kind: 'signoff-request', round, request, requestedByName: sro.name, changedSince, reminder: false, context }));
    try {
      await this.store.createRound(round, requests, { ...meta, notify: cards });
    } catch (error) {
      // Another click got there first: the store keeps one open round per version, so answer with it.
      const winner = await this.latest();
      if (winner?.round.status === 'open' && winner.round.planVersion === round.planVersion && winner.round.id !== round.id) return this.resultOf(winner);
      throw error;
    }
    const outcomes = await this.outbox.dispatch(cards.map((c) => c.id));
    const at = this.clock.now().toISOString();
    for (const [i, request] of requests.entries()) if (outcomes.get(cards[i]!.id) === 'sent') await this.store.noteDelivery(round.id, request.role, request.personId, at);
    const unreachable = requests.filter((_request, i) => notReached(outcomes.get(cards[i]!.id)));
    const reasons = new Map(requests.flatMap((request, i) => {
      const word = deliveryWord(outcomes.get(cards[i]!.id));
      return word === 'sent' || word === 'sending' ? [] : [[reachKey(request), word] as const];
    }));
    return { round, requests, unreachable, missingRoles, reasons };
  }

  /**
   * A signatory's answer from their own card, checked: the round is known and still open (after
   * voiding it if the plan has changed), the request is theirs, the card is for this version, and
   * the text is not too long.
   */
  async checked(person: Person, input: { roundId: string; role: SignatoryRole; cardVersion: number; text: unknown }): Promise<{ found: RoundWithRequests; request: SignOffRequest; text: string }> {
    const known = await this.store.loadRound(input.roundId);
    if (!known) throw new DomainError('SIGNOFF.NO_ROUND', 'That sign-off request is not one I know.');
    await this.voidIfChanged(await this.snapshot());
    const found = (await this.store.loadRound(input.roundId))!;
    const { round, requests } = found;
    const request = requests.find((r) => r.role === input.role && r.personId === person.id);
    if (!request) {
      const holder = requests.find((r) => r.role === input.role);
      throw new DomainError('AUTH.FORBIDDEN', `Only ${holder ? holder.name : 'the person on the roster for that role'} can sign as ${roleTitle(input.role)}.`);
    }
    if (round.status !== 'open' || input.cardVersion !== round.planVersion) {
      throw new DomainError(
        'SIGNOFF.STALE_ROUND',
        round.status === 'voided'
          ? `The plan has changed since version ${round.planVersion} was sent for sign-off, so this request no longer counts. The SRO will send the new version.`
          : round.status === 'signed'
            ? `Version ${round.planVersion} is already signed off.`
            : `This card is for version ${input.cardVersion}, but the request is for version ${round.planVersion}.`,
      );
    }
    const text = typeof input.text === 'string' ? input.text.trim() : '';
    if (text.length > 2000) throw new DomainError('INPUT.INVALID', 'That is too long: the most is 2,000 characters.');
    return { found, request, text };
  }

  /** Approve, or decline with a reason, from the signatory's own card. */
  async decide(person: Person, input: { roundId: string; role: SignatoryRole; cardVersion: number; decision: Exclude<Decision, 'question'>; text: unknown }, requestId: string): Promise<RoundWithRequests> {
    const { found, request, text } = await this.checked(person, input);
    const { round, requests } = found;
    const sro = await this.store.findPerson(round.requestedBy);
    const meta: ChangeMeta = { actorId: person.id, summary: `${person.name} (${roleTitle(input.role)}): ${input.decision}`, requestId };
    if (input.decision === 'decline' && !text) throw new DomainError('INPUT.INVALID', 'Please give a reason for declining, so the SRO knows what to change.');
    const next = nextRequestState(request.state, input.decision);
    const required = requests.filter((r) => r.required);
    const stillToSign = required.filter((r) => r !== request && r.state === 'pending').map((r) => `${r.name} (${roleTitle(r.role)})`);
    // The last of the five gets one card to the SRO, the completion, rather than a "who is still to sign" as well.
    const completes = next === 'signed' && request.required && required.length === REQUIRED_SIGNATORY_ROLES.length && required.every((r) => r === request || r.state === 'signed');
    const decided =
      sro && !completes
        ? [outboxMessage(`decide:${requestId}`, sro.id, { kind: 'signoff-decided', round, name: person.name, roleTitle: roleTitle(input.role), decision: next === 'signed' ? 'signed' : 'declined', reason: text || null, stillToSign })]
        : [];
    const moved = await this.store.updateRequest(round.id, request.role, person.id, request.state, { state: next, decidedAt: this.clock.now().toISOString(), reason: text || null }, { ...meta, notify: decided });
    if (!moved) throw new DomainError('SIGNOFF.INVALID_TRANSITION', 'This request has already been answered.');
    await this.outbox.dispatch(decided.map((c) => c.id));
    const after = (await this.store.loadRound(round.id))!;
    if (after.requests.filter((r) => r.required).length === REQUIRED_SIGNATORY_ROLES.length && after.requests.filter((r) => r.required).every((r) => r.state === 'signed')) {
      const complete = sro ? [outboxMessage(`complete:${round.id}`, sro.id, { kind: 'signoff-complete', round, lastSigner: { name: person.name, roleTitle: roleTitle(input.role) } })] : [];
      const done = await this.store.updateRound(round.id, 'open', { status: nextRoundState('open', 'all-required-signed'), closedAt: this.clock.now().toISOString(), closeReason: null }, { ...meta, notify: complete });
      if (done) await this.outbox.dispatch(complete.map((c) => c.id));
      return (await this.store.loadRound(round.id))!;
    }
    return after;
  }

  /** Called after every plan change: a round in progress no longer matches what was sent. */
  async voidIfChanged(snapshot: PlanSnapshot): Promise<void> {
    const latest = await this.latest();
    if (!latest || latest.round.status !== 'open' || latest.round.planVersion === snapshot.version) return;
    const { round, requests } = latest;
    const voided = await this.closeRound(round, 'plan-changed', `The plan changed to version ${snapshot.version}`, {
      actorId: snapshot.updatedBy ?? 'system',
      summary: `Sign-off of version ${round.planVersion} voided: the plan changed`,
    });
    if (!voided) return;
    const told = new Set<string>([round.requestedBy, ...requests.filter((r) => r.state !== 'declined').map((r) => r.personId)]);
    for (const personId of told) await this.notifier.notify(personId, { kind: 'signoff-voided', round, newVersion: snapshot.version });
  }

  /** One signatory's request in a round, and who asked for it; SIGNOFF.NO_ROUND when there is no such request. */
  async requestOf(roundId: string, role: SignatoryRole, personId: string): Promise<{ found: RoundWithRequests; request: SignOffRequest; requesterName: string }> {
    const found = await this.store.loadRound(roundId);
    const request = found?.requests.find((r) => r.role === role && r.personId === personId);
    if (!found || !request) throw new DomainError('SIGNOFF.NO_ROUND', 'That sign-off request is not one I know.');
    return { found, request, requesterName: (await this.store.findPerson(found.round.requestedBy))?.name ?? 'The SRO' };
  }

  async latest(): Promise<RoundWithRequests | null> {
    const rounds = await this.store.listRounds(this.planId);
    const last = rounds[rounds.length - 1];
    return last ? this.store.loadRound(last.id) : null;
  }

  async status(person: Person): Promise<SignOffOverview> {
    if (!hasRole(person, 'sro') && !hasRole(person, 'signatory')) {
      throw new DomainError('AUTH.FORBIDDEN', 'Sign-off status is for the SRO and the signatories.');
    }
    return this.overview();
  }

  async overview(): Promise<SignOffOverview> {
    const people = await this.store.listPeople();
    const current = await this.latest();
    return {
      current,
      holders: REQUIRED_SIGNATORY_ROLES.map((r) => ({ role: r.id, person: this.holder(people, r.id) })),
      coSigners: people.filter(isCoSigner),
      reach: current ? await this.reachOf(current) : new Map(),
      questions: current ? await this.store.listQuestions(current.round.id) : [],
      earlier: (await this.store.listRounds(this.planId)).filter((r) => r.id !== current?.round.id),
    };
  }

  /** Read from the request and the outbox row of its first card, which the periodic dispatch may have sent since. */
  private async reachOf({ round, requests }: RoundWithRequests): Promise<Map<string, Reach>> {
    const ids = requests.map((r) => outboxId(round.id, r.personId, 'signoff-request'));
    const rows = new Map((await this.store.listNotifications(undefined, ids)).map((row) => [row.id, row]));
    const reach = new Map<string, Reach>();
    for (const [i, request] of requests.entries()) {
      const row = rows.get(ids[i]!);
      let state: Reach;
      if (request.deliveredAt || row?.status === 'sent') state = 'delivered';
      else if (row && (row.status === 'pending' || row.status === 'sending')) state = 'sending';
      else if (row?.lastError === 'no-conversation' && (await this.store.loadConversation(request.personId))) state = 'ready';
      else state = isNotReachedReason(row?.lastError) ? row.lastError : 'unreachable';
      reach.set(reachKey(request), state);
    }
    return reach;
  }

  /** The signed record for a plan version, for the exported signatories table. */
  async signedRecord(version: number): Promise<SignOffRecord | null> {
    const rounds = (await this.store.listRounds(this.planId)).filter((r) => r.status === 'signed' && r.planVersion === version);
    const round = rounds[rounds.length - 1];
    if (!round) return null;
    const { requests } = (await this.store.loadRound(round.id))!;
    return {
      version: round.planVersion,
      hash: round.planHash,
      signatures: requests.filter((r) => r.state === 'signed').map((r) => ({ role: r.role, name: r.name, email: r.email, signedOn: (r.decidedAt ?? '').slice(0, 10) })),
    };
  }

  /** Chase pending signatories every `days` days; `personId` resends to one now (SRO only). */
  /**
   * Chase pending signatories every `days` days; `personId` resends to one now (SRO only). Someone
   * no card has reached yet is tried on every call, and their first card is the request itself:
   * `firstTime` names them once it has reached them.
   */
  async remind(options: { days: number; sro?: Person; personId?: string }): Promise<{ sent: string[]; unreachable: string[]; firstTime: string[]; sending: string[]; reasons: Record<string, NotReachedReason> }> {
    if (options.sro) this.mustBeSro(options.sro);
    const latest = await this.latest();
    const result = { sent: [] as string[], unreachable: [] as string[], firstTime: [] as string[], sending: [] as string[], reasons: {} as Record<string, NotReachedReason> };
    if (!latest || latest.round.status !== 'open') return result;
    const now = this.clock.now();
    const requester = await this.store.findPerson(latest.round.requestedBy);
    const changedSince = await this.changedSinceLastSigned(latest.round.planVersion);
    const context = await this.context(latest.round);
    const reach = await this.reachOf(latest);
    for (const request of latest.requests.filter((r) => r.state === 'pending')) {
      if (options.personId && request.personId !== options.personId) continue;
      const state = reach.get(reachKey(request));
      const reached = state === 'delivered';
      // The outbox is still delivering their card (Teams asked us to wait): a second copy would follow it.
      if (state === 'sending') {
        result.sending.push(request.name);
        continue;
      }
      // Counted from their last card, or from when the first one reached them, however late that was.
      const last = Date.parse(request.lastRemindedAt ?? request.deliveredAt ?? latest.round.requestedAt);
      // Only someone who has opened the bot since is tried at once; a refusal waits like a reminder.
      if (!options.personId && state !== 'ready' && now.getTime() - last < options.days * 24 * 3600 * 1000) continue;
      const delivery = await this.notifier.notify(request.personId, {
        kind: 'signoff-request',
        round: latest.round,
        request,
        requestedByName: requester?.name ?? 'The SRO',
        changedSince,
        reminder: reached,
        context,
      });
      if (delivery === 'sent') {
        if (reached) await this.store.noteReminder(latest.round.id, request.role, request.personId, now.toISOString());
        else {
          await this.store.noteDelivery(latest.round.id, request.role, request.personId, now.toISOString());
          result.firstTime.push(request.name);
        }
        result.sent.push(request.name);
      } else {
        result.unreachable.push(request.name);
        result.reasons[request.name] = delivery;
      }
    }
    return result;
  }

  private async closeRound(round: SignOffRound, event: 'plan-changed' | 'new-round', reason: string, meta: ChangeMeta): Promise<boolean> {
    return this.store.updateRound(round.id, 'open', { status: nextRoundState('open', event), closedAt: this.clock.now().toISOString(), closeReason: reason }, meta);
  }

  /** Which round `round` is (or, not yet stored, would be), and what changed since the one before. */
  async context(round: SignOffRound): Promise<RoundContext> {
    const rounds = await this.store.listRounds(this.planId);
    const index = rounds.findIndex((r) => r.id === round.id);
    const previous = (index < 0 ? rounds[rounds.length - 1] : rounds[index - 1]) ?? null;
    if (!previous) return roundContext(round, rounds, null, [], []);
    // A voided round's requests all read 'voided'; its history still says who declined.
    const declined = (await this.store.listAudit(this.planId, { keyPrefix: `signoff/${previous.id}`, limit: 1000 }))
      .filter((e) => e.kind === 'signoff-request' && (e.after as { state?: unknown } | null)?.state === 'declined')
      .map((e) => String((e.after as { name?: unknown }).name ?? ''))
      .filter(Boolean);
    const entries = previous.planVersion < round.planVersion ? await this.store.listAudit(this.planId, { sinceVersion: previous.planVersion, limit: 5000 }) : [];
    return roundContext(round, rounds, previous, declined, entries);
  }

  private async changedSinceLastSigned(version: number): Promise<string[] | null> {
    const signed = (await this.store.listRounds(this.planId)).filter((r) => r.status === 'signed' && r.planVersion < version);
    const last = signed[signed.length - 1];
    if (!last) return null;
    const entries = await this.store.listAudit(this.planId, { sinceVersion: last.planVersion, limit: 5000 });
    const keys = new Set(entries.filter((e) => e.version !== null && e.version <= version).map((e) => e.key.split('/')[0]));
    return SECTIONS.filter((s) => keys.has(s.key)).map((s) => sectionLabel(s.key));
  }

  private resultOf(found: RoundWithRequests): RequestResult {
    return { round: found.round, requests: found.requests, unreachable: [], missingRoles: [], reasons: new Map() };
  }

  private holder(people: readonly Person[], role: SignatoryRole): Person | null {
    return people.find((p) => p.roles.some((g) => g.role === 'signatory' && g.signatoryRole === role)) ?? null;
  }

  private mustBeSro(person: Person): void {
    if (!hasRole(person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer can request sign-off.");
  }

  private async snapshot(): Promise<PlanSnapshot> {
    const s = await this.store.loadPlan(this.planId);
    if (!s) throw new DomainError('PLAN.NOT_FOUND', 'No plan yet');
    return s;
  }
}
