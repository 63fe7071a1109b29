import { DomainError } from '../domain/errors';
import type { Risk } from '../domain/plan.schema';
import { buildQuarterlyReport, reportDocument, type QuarterlyReport } from '../domain/quarterly-report';
import { parseQuarter, quarterOf } from '../domain/quarters';
import type { DocumentModel } from '../domain/document.model';
import type { Clock, Store } from './ports';
import type { WorkstreamUpdateService } from './workstream-update.service';

/** The quarterly highlight report for the partnership board and DfE review meetings. */
export class ReportService {
  constructor(
    private readonly store: Store,
    private readonly planId: string,
    private readonly updates: WorkstreamUpdateService,
    private readonly clock: Clock,
  ) {}

  async report(quarterId?: string): Promise<{ report: QuarterlyReport; document: DocumentModel }> {
    const quarter = quarterId ? parseQuarter(quarterId) : quarterOf(this.clock.now());
    const snapshot = await this.store.loadPlan(this.planId);
    if (!snapshot) throw new DomainError('PLAN.NOT_FOUND', 'No plan yet');
    const [latest, audit, people] = await Promise.all([
      this.updates.latest(quarter.id),
      this.store.listAudit(this.planId, { keyPrefix: 'risks/risks', limit: 5000 }),
      this.store.listPeople(),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const riskChanges = audit
      .filter((e) => e.version !== 1)
      .reverse()
      .map((e) => ({ at: e.at, who: names.get(e.actorId) ?? e.actorId, before: e.before as Risk | null, after: e.after as Risk | null }));
    const report = buildQuarterlyReport(snapshot.plan, quarter, latest, riskChanges);
    return { report, document: reportDocument(snapshot.plan, report, names) };
  }
}
