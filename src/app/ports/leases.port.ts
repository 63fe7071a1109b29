/**
 * Background work that must run on one instance at a time (reminder ticks): whoever holds the
 * named lease does it. A lease ends when it expires, so a crashed holder does not keep it.
 */
export interface LeaseRepository {
  /** True when `holder` now holds `name` until `until` (it was free, had expired by `now`, or was already `holder`'s). */
  acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
}
