import type { StoredUpdate, WorkstreamUpdate } from '../../domain/workstream-update.schema';
import type { ChangeMeta } from './plan.port';

export interface UpdateQuery {
  readonly planId: string;
  readonly workstreamId?: string;
  readonly quarter?: string;
}

/** One workstream's latest post, optionally only for a quarter and only among posts reporting on a milestone. */
export interface LatestUpdateQuery {
  readonly planId: string;
  readonly workstreamId: string;
  readonly quarter?: string;
  /** Only posts for this quarter or an earlier one. */
  readonly throughQuarter?: string;
  /** Only posts whose milestones include this one. */
  readonly milestoneId?: string;
}

/** Who posts, under which id (a retried request's is the same), against which version of the plan. */
export interface PostOf {
  readonly id: string;
  readonly authorId: string;
  readonly planVersion: number;
}

/** A post as addUpdate kept it. */
export interface AddedUpdate {
  readonly update: StoredUpdate;
  /**
   * Kept before, by a request with the same id (Teams retrying it): answered as it was kept then,
   * and not necessarily the newest post of its quarter now. False: kept by this call, so the newest.
   */
  readonly replayed: boolean;
}

export interface UpdateRepository {
  /**
   * Appends the next post for its workstream and quarter; an id seen before returns the stored
   * post. `planVersion` is the plan version the post was checked against: a plan that has moved on
   * since keeps nothing of it (PLAN.STALE_VERSION; PLAN.NOT_FOUND for a plan there is not).
   */
  addUpdate(planId: string, update: WorkstreamUpdate, post: PostOf, meta: ChangeMeta): Promise<AddedUpdate>;
  /** The post kept under this id, or null. */
  findUpdate(planId: string, id: string): Promise<StoredUpdate | null>;
  /** Every post, oldest first. */
  listUpdates(query: UpdateQuery): Promise<StoredUpdate[]>;
  /**
   * The last of the posts `listUpdates` would list for the query (latest quarter, then highest
   * sequence), or null: read without reading the history before it, so its cost does not grow
   * with the number of posts.
   */
  latestUpdate(query: LatestUpdateQuery): Promise<StoredUpdate | null>;
  addDelegate(planId: string, workstreamId: string, personId: string, meta: ChangeMeta): Promise<void>;
  listDelegates(planId: string): Promise<{ workstreamId: string; personId: string }[]>;
}
