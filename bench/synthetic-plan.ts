import { demoPlan } from '../src/demo/demo-plan';
import type { Plan } from '../src/domain/plan.schema';

/**
 * The demo plan grown `factor` times: every table has `factor` times the rows and every
 * narrative is `factor` times as long. Built for timing only, so the schema's limits (which a
 * real plan must keep) are not applied.
 */
export const syntheticPlan = (factor: number): Plan => {
  const plan = demoPlan();
  const times = <T extends { id: string }>(rows: readonly T[]): T[] => Array.from({ length: factor }, (_, i) => rows.map((r) => ({ ...structuredClone(r), id: `${r.id}-x${i}` }))).flat();
  const longer = (text: string | null) => (text === null ? null : Array.from({ length: factor }, () => text).join('\n'));
  plan.executiveSummary.changeStory = longer(plan.executiveSummary.changeStory);
  plan.threeYearPicture.narrative = longer(plan.threeYearPicture.narrative);
  plan.threeYearPicture.blueprint = times(plan.threeYearPicture.blueprint);
  plan.roadmap.rows = times(plan.roadmap.rows);
  plan.deliveryPlan.workstreams = times(plan.deliveryPlan.workstreams);
  plan.deliveryPlan.spend = times(plan.deliveryPlan.spend);
  plan.deliveryCapacity.narrative = longer(plan.deliveryCapacity.narrative);
  plan.engagement.narrative = longer(plan.engagement.narrative);
  plan.risks.risks = times(plan.risks.risks);
  plan.dependencies.items = times(plan.dependencies.items);
  plan.monitoring.kpiGroups = times(plan.monitoring.kpiGroups);
  plan.governance.mechanisms = times(plan.governance.mechanisms);
  plan.centralGovernmentSupport.asks = Array.from({ length: factor }, () => plan.centralGovernmentSupport.asks).flat();
  plan.supportingDocuments.documents = times(plan.supportingDocuments.documents);
  return plan;
};
