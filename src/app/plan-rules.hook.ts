import type { RiskScale } from '../domain/plan.schema';
import { applyRiskRules } from '../domain/risk-rules';
import type { RiskMatrix } from '../domain/risk-rating';
import type { Store } from './ports';

/**
 * The same store, with the plan's rules applied to every plan it saves, whichever journey saves
 * it: one place, so the register card, the questionnaire and the command line cannot disagree.
 */
export const enforcePlanRules = (store: Store, matrices: Readonly<Record<RiskScale, RiskMatrix>>): Store =>
  new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'savePlan') {
        return async (...[planId, expectedVersion, plan, meta]: Parameters<Store['savePlan']>) => {
          const before = await target.loadPlan(planId);
          let ruled;
          try {
            ruled = applyRiskRules(plan, before?.plan ?? null, matrices);
          } catch (error) {
            // A retried request is answered by the store from what it applied the first time, even
            // if the plan has moved on since; asked only then, so a save costs no extra read.
            if (meta.requestId && (await target.appliedRequest(meta.requestId))) return target.savePlan(planId, expectedVersion, plan, meta);
            throw error;
          }
          return target.savePlan(planId, expectedVersion, ruled, meta);
        };
      }
      if (property === 'createPlan') {
        return async (...[planId, plan, meta]: Parameters<Store['createPlan']>) => target.createPlan(planId, applyRiskRules(plan, null, matrices), meta);
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
