import { sectionLabel } from '../domain/plan.sections';
import type { ReadinessReport } from '../domain/readiness';
import type { RequirementStatus } from '../domain/plan.schema';

export const STATUS_WORDS: Record<RequirementStatus, string> = {
  'not-assessed': 'Not assessed',
  'not-met': 'Not met',
  'partly-met': 'Partly met',
  met: 'Met',
};

/** The readiness report as plain text for the terminal. */
export const readinessText = (report: ReadinessReport): string => {
  const out: string[] = ['Core minimum requirements', ''];
  for (const group of report.groups) {
    out.push(`${group.name} (${group.findings.length})`);
    for (const { requirement, assessment } of group.findings) {
      const where = assessment.addressedIn.length ? ` – addressed in ${assessment.addressedIn.map(sectionLabel).join(', ')}` : '';
      out.push(`  [${STATUS_WORDS[assessment.status]}] ${requirement.id}: ${requirement.text}${where}`);
      if (assessment.note) out.push(`      Note: ${assessment.note}`);
    }
    out.push('');
  }
  const c = report.counts;
  out.push(`Totals: ${c.met} met, ${c['partly-met']} partly met, ${c['not-met']} not met, ${c['not-assessed']} not assessed`, '', 'Guidance rules', '');
  for (const rule of report.rules) out.push(`  [${rule.passed ? 'PASS' : 'FAIL'}] ${rule.title}`, `      ${rule.detail}`);
  out.push('', report.ready ? 'The plan is ready for sign-off.' : 'The plan is not ready for sign-off yet.');
  return `${out.join('\n')}\n`;
};
