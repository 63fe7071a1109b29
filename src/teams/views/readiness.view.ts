import { requirementById, REQUIREMENT_GROUPS } from '../../domain/core-requirements.catalog';
import { SECTIONS, sectionLabel } from '../../domain/plan.sections';
import type { RequirementStatus } from '../../domain/plan.schema';
import type { ReadinessReport } from '../../domain/readiness';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';

export const STATUS_WORDS: Record<RequirementStatus, { text: string; colour: string }> = {
  'not-assessed': { text: 'Not assessed yet', colour: 'Default' },
  'not-met': { text: 'Not met', colour: 'Attention' },
  'partly-met': { text: 'Partly met', colour: 'Warning' },
  met: { text: 'Met', colour: 'Good' },
};

export const checkCard = (report: ReadinessReport): AdaptiveCardJson => {
  const c = report.counts;
  return renderCard('check', {
    verdict: report.ready ? 'Yes: every requirement is met and every rule passes.' : 'Not yet: see what is still open below.',
    verdictColour: report.ready ? 'Good' : 'Warning',
    rules: report.rules.map((r) => ({ mark: r.passed ? '✓' : '✗', title: r.title, colour: r.passed ? 'Good' : 'Attention', detail: r.detail })),
    totals: `${c.met} met, ${c['partly-met']} partly met, ${c['not-met']} not met, ${c['not-assessed']} not assessed yet`,
    groups: report.groups.map((g) => {
      const met = g.findings.filter((f) => f.assessment.status === 'met').length;
      return { id: g.id, name: g.name, counts: `${met} of ${g.findings.length} met` };
    }),
    verbs: VERBS,
  });
};

export const checkGroupCard = (report: ReadinessReport, groupId: string, canMark: boolean, notice = ''): AdaptiveCardJson => {
  const group = report.groups.find((g) => g.id === groupId);
  return renderCard('check-group', {
    name: group?.name ?? 'Requirements',
    noticeText: notice,
    canMark,
    requirements: (group?.findings ?? []).map(({ requirement, assessment }) => ({
      id: requirement.id,
      text: requirement.text,
      statusText: STATUS_WORDS[assessment.status].text,
      colour: STATUS_WORDS[assessment.status].colour,
      whereText: assessment.addressedIn.length ? `Addressed in ${assessment.addressedIn.map(sectionLabel).join(', ')}` : 'Not linked to a section yet',
    })),
    verbs: VERBS,
  });
};

export const requirementCard = (report: ReadinessReport, requirementId: string, baseVersion: number, notice = ''): AdaptiveCardJson => {
  const requirement = requirementById(requirementId);
  const finding = report.groups.flatMap((g) => g.findings).find((f) => f.requirement.id === requirementId);
  return renderCard('requirement', {
    id: requirementId,
    groupId: requirement?.group ?? '',
    groupName: REQUIREMENT_GROUPS.find((g) => g.id === requirement?.group)?.name ?? '',
    text: requirement?.text ?? '',
    noticeText: notice,
    status: finding?.assessment.status ?? 'not-assessed',
    addressedIn: finding?.assessment.addressedIn.join(',') ?? '',
    note: finding?.assessment.note ?? '',
    statuses: (Object.keys(STATUS_WORDS) as RequirementStatus[]).map((s) => ({ title: STATUS_WORDS[s].text, value: s })),
    sections: SECTIONS.map((s) => ({ title: sectionLabel(s.key), value: s.key })),
    baseVersion,
    verbs: VERBS,
  });
};
