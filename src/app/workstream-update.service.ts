import { DomainError, isDomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import type { Plan, Workstream } from '../domain/plan.schema';
import { deliveryColumn, noMilestonesReason, parseQuarter, quarterOf, type Quarter } from '../domain/quarters';
import { defaultRag, MilestoneStatus, WorkstreamUpdate, type MilestoneProgress, type StoredUpdate } from '../domain/workstream-update.schema';
import { RagRating } from '../domain/plan.schema';
import type { Clock, PlanSnapshot, Store } from './ports';

export interface MilestoneForm {
  readonly id: string;
  readonly text: string;
  /** The last reported progress for this milestone, from an earlier post. */
  readonly previous: MilestoneProgress | null;
  readonly error: string | null;
}

export interface UpdateForm {
  readonly workstream: Workstream;
  /** Always a delivery quarter of the plan's year (reportingYear): no other has milestones to post on. */
  readonly quarter: Quarter;
  readonly reportingYear: string;
  readonly milestones: readonly MilestoneForm[];
  readonly target: string | null;
  readonly last: StoredUpdate | null;
  readonly errors: Readonly<Record<string, string>>;
  readonly typed: Readonly<Record<string, unknown>> | null;
}

const text = (v: unknown, max: number): string | null | Error => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return new Error('That answer was not text.');
  if (v.length > max) return new Error(`Too long: the most is ${max.toLocaleString('en-GB')} characters.`);
  return v.trim() ? v.trim() : null;
};

/** A card's "same as before" box, ticked. */
const sameAsBefore = (value: unknown) => value === 'true' || value === true;

/** The milestones the plan has for this workstream in this quarter: what a post reports on. */
const plannedMilestones = (plan: Plan, workstream: Workstream, quarter: Quarter) => {
  const column = deliveryColumn(plan.meta.reportingYear, quarter);
  return column ? workstream.quarters[column].milestones : [];
};

const reportIn = (post: StoredUpdate | null | undefined, milestoneId: string) => post?.milestones.find((m) => m.milestoneId === milestoneId) ?? null;

/**
 * The form for a workstream's quarter: each planned milestone with its last report (in the post
 * `reportOn` gives for the milestone's place among them), the last post, and what to put right.
 */
const formOf = (
  plan: Plan,
  workstream: Workstream,
  quarter: Quarter,
  reportOn: (place: number) => StoredUpdate | null | undefined,
  last: StoredUpdate | null,
  errors: Readonly<Record<string, string>> = {},
  typed: Readonly<Record<string, unknown>> | null = null,
): UpdateForm => {
  const column = deliveryColumn(plan.meta.reportingYear, quarter);
  return {
    workstream,
    quarter,
    reportingYear: plan.meta.reportingYear,
    milestones: plannedMilestones(plan, workstream, quarter).map((m, i) => ({ id: m.id, text: m.text, previous: reportIn(reportOn(i), m.id), error: errors[m.id] ?? null })),
    target: column ? workstream.quarters[column].trajectory.text : null,
    last,
    errors,
    typed,
  };
};

/**
 * The form once `stored`, which reports on every milestone of its quarter, is the newest post: it
 * is the last post, and the last report on each milestone.
 */
const formAfter = (plan: Plan, workstream: Workstream, quarter: Quarter, stored: StoredUpdate): UpdateForm => formOf(plan, workstream, quarter, () => stored, stored);

/** A post's id: the same for a request Teams retries, so the retry keeps nothing twice. */
const postIdOf = (requestId: string) => `update-${requestId}`.slice(0, 120);

/** Tries of one post against a plan that keeps moving on (someone editing it meanwhile) before saying so. */
const MOST_POST_ATTEMPTS = 4;

/** Quarterly progress from workstream leads: a two-minute job, prefilled, never overwriting the last post. */
export class WorkstreamUpdateService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly clock: Clock,
  ) {}

  currentQuarter(): Quarter {
    return quarterOf(this.clock.now());
  }

  /** The workstreams this person may post for: the ones they lead, and the ones they were named a delegate for. */
  async postableWorkstreams(person: Person, loaded?: Plan): Promise<Workstream[]> {
    const plan = loaded ?? (await this.plan());
    const delegated = (await this.store.listDelegates(this.planId)).filter((d) => d.personId === person.id).map((d) => d.workstreamId);
    const led = person.roles.flatMap((r) => (r.role === 'workstream-lead' ? r.workstreams : []));
    return plan.deliveryPlan.workstreams.filter((w) => led.includes(w.id) || delegated.includes(w.id));
  }

  async form(person: Person, workstreamId: string, quarterId?: string): Promise<UpdateForm> {
    // The plan is read once for the whole form (who may post, the quarter, its milestones).
    const plan = await this.plan();
    const workstream = await this.mayPost(person, workstreamId, plan);
    return this.buildForm(plan, workstream, this.postableQuarter(plan, quarterId), {}, null);
  }

  /** The stored post and the form that follows it, or the form again with what to put right. */
  async post(person: Person, workstreamId: string, quarterId: string, values: Readonly<Record<string, unknown>>, requestId: string): Promise<{ stored: StoredUpdate; form: UpdateForm } | { form: UpdateForm }> {
    const postId = postIdOf(requestId);
    // First against the plan as this process last read it, without asking the database whether it
    // is still the latest: the post is kept only if the plan is still at that version. Anything but
    // a post kept now is decided again on the plan read afresh, so nobody is refused or asked again
    // on an old reading; a plan that moves on again meanwhile (someone editing it) is read again.
    const known = await this.store.knownPlan(this.planId);
    let snapshot = known ?? (await this.snapshot());
    let afresh = !known;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#post(snapshot, person, workstreamId, quarterId, values, postId).catch((error: unknown) => {
        if (error instanceof DomainError) return { refused: error };
        throw error;
      });
      if ('stored' in outcome) {
        if (!outcome.replayed) return { stored: outcome.stored, form: outcome.form };
        return this.#answerKept(person, outcome.stored, workstreamId, quarterId);
      }
      const stale = 'refused' in outcome && isDomainError(outcome.refused, 'PLAN.STALE_VERSION');
      if (!afresh || (stale && attempt < MOST_POST_ATTEMPTS)) {
        snapshot = await this.snapshot();
        afresh = true;
        continue;
      }
      // Refused, or a form to put right, on the plan as it is now. A retried request whose post was
      // kept before (on an earlier plan) is answered as kept: told otherwise, the lead would post it again.
      const kept = await this.store.findUpdate(this.planId, postId);
      if (kept) return this.#answerKept(person, kept, workstreamId, quarterId);
      if ('refused' in outcome) throw outcome.refused;
      return outcome;
    }
  }

  /** A post kept before, answered as kept, with the form as it is now (others may have posted since). */
  async #answerKept(person: Person, stored: StoredUpdate, workstreamId: string, quarterId: string): Promise<{ stored: StoredUpdate; form: UpdateForm }> {
    return { stored, form: await this.form(person, workstreamId, quarterId) };
  }

  async #post(
    snapshot: PlanSnapshot,
    person: Person,
    workstreamId: string,
    quarterId: string,
    values: Readonly<Record<string, unknown>>,
    postId: string,
  ): Promise<{ stored: StoredUpdate; form: UpdateForm; replayed: boolean } | { form: UpdateForm }> {
    const { plan } = snapshot;
    const workstream = await this.mayPost(person, workstreamId, plan);
    const quarter = this.postableQuarter(plan, quarterId);
    const planned = plannedMilestones(plan, workstream, quarter);
    // The earlier posts are read only when this post carries a milestone's last report forward:
    // else nothing of them goes into it, and the form that follows it is made from the post itself.
    const carries = planned.some((m) => sameAsBefore(values[`same.${m.id}`]));
    const base = carries ? await this.buildForm(plan, workstream, quarter, {}, null) : null;
    const errors: Record<string, string> = {};
    const milestones: MilestoneProgress[] = [];
    for (const m of planned) {
      if (sameAsBefore(values[`same.${m.id}`])) {
        const previous = base!.milestones.find((f) => f.id === m.id)?.previous;
        if (!previous) errors[m.id] = 'There is no earlier update for this milestone to carry forward: choose its status.';
        else milestones.push({ ...previous, milestoneId: m.id });
        continue;
      }
      const status = MilestoneStatus.safeParse(values[`status.${m.id}`]);
      const ragRaw = values[`rag.${m.id}`];
      const rag = ragRaw === undefined || ragRaw === '' ? null : RagRating.safeParse(ragRaw);
      const note = text(values[`note.${m.id}`], 2000);
      if (!status.success) errors[m.id] = 'Choose a status.';
      else if (rag && !rag.success) errors[m.id] = 'Choose Red, Amber or Green.';
      else if (note instanceof Error) errors[m.id] = note.message;
      else milestones.push({ milestoneId: m.id, status: status.data, rag: rag ? rag.data! : defaultRag(status.data), note });
    }
    const fields = { actual: text(values.actual, 300), narrative: text(values.narrative, 2000), blockers: text(values.blockers, 2000), supportNeeded: text(values.supportNeeded, 2000) };
    for (const [k, v] of Object.entries(fields)) if (v instanceof Error) errors[k] = v.message;
    if (Object.keys(errors).length) return { form: await this.buildForm(plan, workstream, quarter, errors, values) };
    // Each part was checked above; the store validates the whole post as it keeps it.
    const update: WorkstreamUpdate = { workstreamId, quarter: quarter.id, milestones, ...(fields as Pick<WorkstreamUpdate, keyof typeof fields>) };
    const { update: stored, replayed } = await this.store.addUpdate(this.planId, update, { id: postId, authorId: person.id, planVersion: snapshot.version }, {
      actorId: person.id,
      summary: `${person.name} posted the ${quarter.id} update for workstream ${workstream.code}`,
    });
    // A post kept now is the newest of its quarter, and reports on every milestone the form asks
    // about: the form that follows it is known without reading anything (post() reads it afresh
    // for a retried request, answered with the post it kept before).
    return { stored, replayed, form: formAfter(plan, workstream, quarter, stored) };
  }

  async nameDelegate(person: Person, workstreamId: string, delegateId: unknown): Promise<Person> {
    const plan = await this.plan();
    const workstream = plan.deliveryPlan.workstreams.find((w) => w.id === workstreamId);
    if (!workstream) throw new DomainError('INPUT.INVALID', 'That workstream is not in the plan.');
    const leads = person.roles.some((r) => r.role === 'workstream-lead' && r.workstreams.includes(workstreamId));
    if (!leads && !hasRole(person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the workstream's lead or the SRO can name someone to post its updates.");
    const delegate = typeof delegateId === 'string' ? await this.store.findPerson(delegateId) : null;
    if (!delegate) throw new DomainError('INPUT.INVALID', 'Choose someone from the roster.');
    await this.store.addDelegate(this.planId, workstreamId, delegate.id, { actorId: person.id, summary: `${person.name} named ${delegate.name} to post updates for workstream ${workstream.code}` });
    return delegate;
  }

  async history(workstreamId: string): Promise<StoredUpdate[]> {
    return (await this.store.listUpdates({ planId: this.planId, workstreamId })).reverse();
  }

  /** The latest post per workstream for a quarter. */
  async latest(quarterId: string): Promise<StoredUpdate[]> {
    const all = await this.store.listUpdates({ planId: this.planId, quarter: quarterId });
    const byWorkstream = new Map<string, StoredUpdate>();
    for (const u of all) byWorkstream.set(u.workstreamId, u);
    return [...byWorkstream.values()];
  }

  private async plan() {
    return (await this.snapshot()).plan;
  }

  private async snapshot(): Promise<PlanSnapshot> {
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', 'No plan yet');
    return snapshot;
  }

  /** Updates report on milestones, so only a quarter the plan has milestones for can have one (this quarter when none is named). */
  async quarterToPost(quarterId?: string): Promise<Quarter> {
    return this.postableQuarter(await this.plan(), quarterId);
  }

  private postableQuarter(plan: Plan, quarterId?: string): Quarter {
    const quarter = quarterId ? parseQuarter(quarterId) : this.currentQuarter();
    const reason = noMilestonesReason(plan.meta.reportingYear, quarter);
    if (reason) throw new DomainError('UPDATE.QUARTER_NOT_IN_PLAN', `${reason} There is no update to post for it.`, { quarter: quarter.id });
    return quarter;
  }

  private async mayPost(person: Person, workstreamId: string, plan: Plan): Promise<Workstream> {
    const workstream = plan.deliveryPlan.workstreams.find((w) => w.id === workstreamId);
    if (!workstream) throw new DomainError('INPUT.INVALID', 'That workstream is not in the plan.');
    // Its lead may post without the delegates being read.
    if (person.roles.some((r) => r.role === 'workstream-lead' && r.workstreams.includes(workstreamId))) return workstream;
    if (!(await this.postableWorkstreams(person, plan)).some((w) => w.id === workstreamId)) {
      throw new DomainError('AUTH.FORBIDDEN', `Only the lead of workstream ${workstream.code}, or someone they or the SRO have named, can post its update.`);
    }
    return workstream;
  }

  private async buildForm(plan: Plan, workstream: Workstream, quarter: Quarter, errors: Record<string, string>, typed: Readonly<Record<string, unknown>> | null): Promise<UpdateForm> {
    // Only what the form shows, never the history: per milestone, the latest post of this quarter
    // or an earlier one that reported on it; and the latest post of this quarter (else of any).
    const planned = plannedMilestones(plan, workstream, quarter);
    const of = { planId: this.planId, workstreamId: workstream.id };
    // The latest post of this quarter is also the latest report on each milestone it names: only
    // the other milestones, and the latest post overall when this quarter has none, are looked up.
    const thisQuarter = await this.store.latestUpdate({ ...of, quarter: quarter.id });
    const [last, ...reported] = await Promise.all([
      thisQuarter ?? this.store.latestUpdate(of),
      ...planned.map((m) => (reportIn(thisQuarter, m.id) ? thisQuarter : this.store.latestUpdate({ ...of, milestoneId: m.id, throughQuarter: quarter.id }))),
    ]);
    return formOf(plan, workstream, quarter, (place) => reported[place], last ?? null, errors, typed);
  }
}
