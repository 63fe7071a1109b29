import type { Person } from '../../domain/people.schema';
import type { Plan } from '../../domain/plan.schema';
import type { Quarter } from '../../domain/quarters';
import type { PlanVocabulary } from './understanding.port';

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The words of this plan and roster a message may name, read afresh each turn (nothing is retrained). */
export const vocabularyOf = (plan: Plan, people: readonly Person[], currentQuarter: Quarter, now: Date): PlanVocabulary => ({
  workstreams: plan.deliveryPlan.workstreams.map((w) => ({ id: w.id, code: w.code, name: w.name })),
  risks: plan.risks.risks.filter((r) => r.status === 'open').map((r) => ({ id: r.id, description: r.description })),
  currentQuarter,
  people: people.map((p) => {
    const signatory = p.roles.find((r) => r.role === 'signatory');
    return { id: p.id, name: p.name, sro: p.roles.some((r) => r.role === 'sro'), ...(signatory?.role === 'signatory' ? { signatoryRole: signatory.signatoryRole } : {}) };
  }),
  // "next Friday" is said in England, whatever the server's clock zone.
  today: LONDON_DAY.format(now),
});
