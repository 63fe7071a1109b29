import type { DocumentModel } from '../domain/document.model';
import { DomainError } from '../domain/errors';
import { countFeedback } from '../domain/feedback.schema';
import { compileAnnexA } from '../domain/plan.compile';
import type { GapStyle } from '../domain/plan-gaps';
import type { Plan, RiskScale } from '../domain/plan.schema';
import type { RiskMatrix } from '../domain/risk-rating';
import { fingerprint } from '../export/fingerprint';
import type { IssuedDocument, PlanSnapshot, Store } from './ports';

export interface CompiledPlan {
  readonly snapshot: PlanSnapshot;
  readonly model: DocumentModel;
  /** SHA-256 of the model's canonical form: what a signature refers to. */
  readonly hash: string;
}

/**
 * The one place the plan becomes a document. Sign-off, every export and every download link
 * take their text from here, so what is signed is what is handed in.
 */
export class PlanDocumentService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly matrices: Readonly<Record<RiskScale, RiskMatrix>>,
    private readonly gaps: GapStyle = 'list',
  ) {}

  /** Compiles any plan exactly as the current one is exported (the same feedback, matrices and gaps), for comparing a file with it. */
  async compiler(): Promise<(plan: Plan) => DocumentModel> {
    const feedback = await this.store.listFeedback(this.planId);
    const options = { coProduction: { items: feedback.filter((i) => i.publish), counts: countFeedback(feedback) }, matrices: this.matrices, gaps: this.gaps };
    return (plan) => compileAnnexA(plan, options);
  }

  async compileCurrent(): Promise<CompiledPlan> {
    const [snapshot, feedback] = await Promise.all([this.store.loadPlan(this.planId), this.store.listFeedback(this.planId)]);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', `No plan with id ${this.planId}`, { planId: this.planId });
    const model = compileAnnexA(snapshot.plan, {
      coProduction: { items: feedback.filter((i) => i.publish), counts: countFeedback(feedback) },
      matrices: this.matrices,
      gaps: this.gaps,
    });
    return { snapshot, model, hash: fingerprint(model) };
  }

  /** Compiles the plan as it stands and keeps that text, so any file made from it can be checked later. */
  async issueCurrent(actorId: string): Promise<IssuedDocument> {
    const { snapshot, model, hash } = await this.compileCurrent();
    return this.store.saveIssuedDocument({ hash, planId: this.planId, planVersion: snapshot.version, kind: 'plan', title: model.title, model, issuedBy: actorId });
  }
}
