import type { PlanSnapshot } from '../../app/ports';
import type { SectionCompleteness } from '../../domain/completeness';
import { sectionParts } from './section-parts';
import { renderCard, type AdaptiveCardJson } from '../cards';
import { VERBS } from '../verbs';
import { dateWords } from '../words';

const GAPS_SHOWN = 2;

const gapsText = (gaps: readonly string[]): string => {
  if (gaps.length === 0) return '';
  const shown = gaps.slice(0, GAPS_SHOWN).join('; ');
  return `Still needed: ${shown}${gaps.length > GAPS_SHOWN ? `; and ${gaps.length - GAPS_SHOWN} more` : ''}`;
};

export const statusCard = (snapshot: PlanSnapshot, sections: readonly SectionCompleteness[], updatedByName: string): AdaptiveCardJson => {
  const { plan } = snapshot;
  const count = (state: SectionCompleteness['state']) => sections.filter((s) => s.state === state).length;
  return renderCard('status', {
    title: `${plan.meta.title} ${plan.meta.reportingYear}: ${plan.header.localAuthority ?? 'your partnership'}`,
    versionText: `Version ${snapshot.version}, last changed ${dateWords(snapshot.updatedAt)} by ${updatedByName}`,
    counts: { complete: count('complete'), incomplete: count('incomplete'), missing: count('missing') },
    parts: sectionParts(sections, (s) => ({ filled: s.filled, total: s.total, gapsText: gapsText(s.gaps) })),
    openVerb: VERBS.open,
    statusVerb: VERBS.showStatus,
  });
};
