import type { Store } from '../../src/app/ports';

/** The store, each method call told to `called` by name as it is made (counted or listed, never timed). */
export const callsTold = (store: Store, called: (method: string) => void): Store =>
  new Proxy(store, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        called(prop);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
