import type { PlanSnapshot, Store } from './ports';

/**
 * The same store, telling `onChange` about every plan change it writes. Sign-off uses it to
 * void a round the moment the plan no longer matches what was sent; a failure there never
 * undoes the change itself (every signature re-checks the plan anyway), and is logged.
 */
export const observePlanChanges = (store: Store, onChange: (snapshot: PlanSnapshot) => Promise<void>, onError: (error: unknown) => void): Store =>
  new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'savePlan') {
        return async (...args: Parameters<Store['savePlan']>) => {
          const result = await target.savePlan(...args);
          if (!result.replayed && result.changes.length) await onChange(result.snapshot).catch(onError);
          return result;
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
