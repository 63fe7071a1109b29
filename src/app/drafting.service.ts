import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import type { Plan, SectionKey } from '../domain/plan.schema';
import { sectionInfo } from '../domain/plan.sections';
import { parseQuarter, quarterOf } from '../domain/quarters';
import type { AssistRequest } from './assist.types';
import { feedbackContext, planContext, readable, updatesContext } from './drafting.context';
import type { DraftingModel, PromptName } from './drafting.port';
import type { FeedbackService } from './feedback.service';
import type { Clock, Store, Suggestion, SuggestionTarget } from './ports';
import { getAt } from './questionnaire/form-values';
import { SECTION_FORMS } from './questionnaire/section-forms';

/** Where a suggestion can be asked for from a card: the field the "Suggest a draft" button sits by. */
export type SuggestFor = { readonly kind: 'section'; readonly section: SectionKey } | { readonly kind: 'risk'; readonly riskId: string } | { readonly kind: 'feedback'; readonly feedbackId: string };

/** The longest text a suggestion keeps: the longest answer a plan field takes. */
const MAX_SUGGESTION_CHARS = 6000;

/** The first free-text field of a section: where a drafted section goes. */
export const draftTarget = (section: SectionKey): { path: string; label: string; intro: string } | null => {
  for (const step of SECTION_FORMS[section].steps) {
    const field = step.fields?.find((f) => f.kind === 'multiline');
    if (field) return { path: field.path, label: field.label, intro: step.intro ?? '' };
  }
  return null;
};

/**
 * Drafting help: gathers only what the person may read, asks the model, and keeps the answer as
 * a suggestion for that person alone. Nothing here changes the plan.
 */
export class DraftingService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly clock: Clock,
    private readonly feedback: FeedbackService,
    private readonly model: DraftingModel,
  ) {}

  /** A request in words (from the language layer). */
  async assist(person: Person, request: AssistRequest, requestId?: string): Promise<Suggestion> {
    const plan = await this.plan();
    switch (request.kind) {
      case 'draft-section':
        return this.draftSection(person, plan, request.section, requestId);
      case 'summarise-updates':
        return this.summarise(person, plan, request.workstreamId, request.quarter, requestId);
      case 'suggest-mitigation': {
        if (!request.riskId) throw new DomainError('INPUT.INVALID', 'Which risk? Type **risks**, open the risk and press **Suggest a draft** beside its mitigation.');
        return this.mitigation(person, plan, request.riskId, requestId);
      }
      case 'plain-english': {
        if (!request.text?.trim()) throw new DomainError('INPUT.INVALID', 'Give me the words to rewrite: paste them after "rewrite this in plain English".');
        return this.ask(person, 'plain-english', null, { input: 'Rewrite this in plain English for families.', text: readable(request.text, 4000), feedback: 'None.' }, requestId);
      }
    }
  }

  /** A "Suggest a draft" button on a card; `typed` is what the person had typed in the field, if anything. */
  async suggest(person: Person, target: SuggestFor, typed: string | null, requestId: string): Promise<Suggestion> {
    const plan = await this.plan();
    if (target.kind === 'section') return this.draftSection(person, plan, target.section, requestId);
    if (target.kind === 'risk') return this.mitigation(person, plan, target.riskId, requestId);
    const item = await this.feedback.load(target.feedbackId);
    if (item.ownerId !== person.id && !hasRole(person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', 'Only the person this feedback was routed to, or the SRO, can answer it.');
    const text = typed?.trim() ? readable(typed, 4000) : 'Nothing written yet: draft an answer.';
    return this.ask(person, 'plain-english', { kind: 'feedback', feedbackId: item.id, field: 'answer' }, { input: 'Write our answer to this feedback in plain English for families.', text, feedback: `They said: ${readable(item.said, 2000)}` }, requestId);
  }

  /** One of this person's suggestions; anyone else's is refused. */
  async mine(person: Person, id: string): Promise<Suggestion> {
    const suggestion = await this.store.loadSuggestion(id);
    if (!suggestion || suggestion.planId !== this.planId) throw new DomainError('INPUT.INVALID', 'That suggestion is not one I know.');
    if (suggestion.personId !== person.id) throw new DomainError('AUTH.FORBIDDEN', 'That suggestion was made for someone else, so only they can use it.');
    return suggestion;
  }

  /** Notes that the suggestion went into the person's draft or form: their submit then says so. */
  async markUsed(person: Person, id: string): Promise<Suggestion> {
    const suggestion = await this.usable(person, id);
    if (!suggestion.usedAt) await this.store.markSuggestion(id, { usedAt: this.clock.now().toISOString() });
    return suggestion;
  }

  async discard(person: Person, id: string): Promise<Suggestion> {
    const suggestion = await this.mine(person, id);
    if (!suggestion.discardedAt) await this.store.markSuggestion(id, { discardedAt: this.clock.now().toISOString() });
    return suggestion;
  }

  async usable(person: Person, id: string): Promise<Suggestion> {
    const suggestion = await this.mine(person, id);
    if (suggestion.discardedAt) throw new DomainError('INPUT.INVALID', 'You discarded that suggestion, so it cannot be used. Ask for a new one if you need it.');
    if (!suggestion.target) throw new DomainError('INPUT.INVALID', 'That suggestion is for reading: it has no field to go into.');
    return suggestion;
  }

  private async draftSection(person: Person, plan: Plan, section: SectionKey, requestId?: string): Promise<Suggestion> {
    const field = draftTarget(section);
    const info = sectionInfo(section);
    const current = field ? getAt(plan[section], field.path) : null;
    return this.ask(
      person,
      'draft-section',
      field ? { kind: 'section', section, path: field.path } : null,
      {
        input: `Draft the ${info.title} section${field ? ` (${field.label})` : ''} from the plan.`,
        section: info.title,
        guidance: field?.intro || 'Follow the Local SEND Reform Plan guidance for this section.',
        current: typeof current === 'string' && current.trim() ? readable(current) : 'Nothing written yet.',
        plan: planContext(plan, section),
        feedback: feedbackContext((await this.feedback.list(person)).items),
      },
      requestId,
    );
  }

  private async summarise(person: Person, plan: Plan, workstream: string | null, quarterId: string | null, requestId?: string): Promise<Suggestion> {
    const quarter = quarterId ? parseQuarter(quarterId) : quarterOf(this.clock.now());
    const named = workstream ? plan.deliveryPlan.workstreams.filter((w) => w.id === workstream || w.code === workstream) : plan.deliveryPlan.workstreams;
    if (!named.length) throw new DomainError('INPUT.INVALID', `There is no workstream ${workstream ?? ''} in the plan. Type **status** to see them.`);
    const updates = (await this.store.listUpdates({ planId: this.planId, quarter: quarter.id })).filter((u) => named.some((w) => w.id === u.workstreamId));
    const which = named.length === 1 ? `workstream ${named[0]!.code}: ${named[0]!.name}` : 'every workstream';
    return this.ask(
      person,
      'summarise-updates',
      null,
      {
        input: `Summarise the ${quarter.id} updates for ${which}.`,
        workstream: readable(named.map((w) => ({ code: w.code, name: w.name, outcome: w.outcome, quarters: w.quarters }))),
        quarter: quarter.id,
        updates: updatesContext(updates),
      },
      requestId,
    );
  }

  private async mitigation(person: Person, plan: Plan, riskId: string, requestId?: string): Promise<Suggestion> {
    const risk = plan.risks.risks.find((r) => r.id === riskId);
    if (!risk) throw new DomainError('INPUT.INVALID', 'That risk is no longer in the plan. Type **risks** to see the register.');
    return this.ask(
      person,
      'suggest-mitigation',
      { kind: 'risk', riskId: risk.id, field: 'mitigation' },
      {
        input: `Suggest a mitigation for the risk: ${readable(risk.description, 600)}`,
        risk: readable({ risk: risk.description, impact: risk.impact, likelihood: risk.likelihood, rating: risk.rag, currentMitigation: risk.mitigation }),
        workstreams: readable(plan.deliveryPlan.workstreams.map((w) => ({ code: w.code, name: w.name, outcome: w.outcome }))),
      },
      requestId,
    );
  }

  private async ask(person: Person, promptName: PromptName, target: SuggestionTarget | null, variables: Record<string, string>, requestId?: string): Promise<Suggestion> {
    const id = requestId ? `sg-${requestId}`.slice(0, 64) : `sg-${randomBytes(8).toString('hex')}`;
    // A retried card action gets the suggestion it already made, without asking the model again.
    const existing = await this.store.loadSuggestion(id);
    if (existing) {
      if (existing.personId !== person.id) throw new DomainError('AUTH.FORBIDDEN', 'That suggestion was made for someone else.');
      return existing;
    }
    const { text } = await this.model.complete(promptName, variables);
    const clean = text.trim().slice(0, MAX_SUGGESTION_CHARS);
    if (!clean) throw new DomainError('AI.FAILED', 'The model answered with no text.');
    return this.store.addSuggestion({ id, planId: this.planId, personId: person.id, target, text: clean, promptName, createdAt: this.clock.now().toISOString() });
  }

  private async plan(): Promise<Plan> {
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${this.planId}`, { planId: this.planId });
    return snapshot.plan;
  }
}
