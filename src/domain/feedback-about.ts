import type { Plan, SectionKey } from './plan.schema';
import { SECTIONS, sectionLabel } from './plan.sections';

/**
 * What a piece of feedback is about, in the words people use: "Q6 First-year delivery plan" or
 * "Workstream 3: …". The stored key (a section key or a workstream id) never reaches a person.
 */
export const aboutWords = (plan: Plan | null, concerns: string | null): string | null => {
  if (!concerns) return null;
  if (SECTIONS.some((s) => s.key === concerns)) return sectionLabel(concerns as SectionKey);
  const workstream = plan?.deliveryPlan.workstreams.find((w) => w.id === concerns);
  return workstream ? `Workstream ${workstream.code}: ${workstream.name}` : 'a workstream no longer in the plan';
};
