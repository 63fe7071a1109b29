/** What bench/documents.bench.ts asks of bench/documents.child.ts, and the lines the child answers with. */
export const JOBS = ['plan-docx', 'report-docx', 'data-return-xlsx', 'data-return-csv', 'plan-long-docx'] as const;
export type Job = (typeof JOBS)[number];
/** What a plain `--documents` run makes; plan-long-docx (every text in every row ten times too) only when asked for. */
export const DEFAULT_JOBS: readonly Job[] = ['plan-docx', 'report-docx', 'data-return-xlsx', 'data-return-csv'];

export interface ChildReady {
  readonly phase: 'ready';
  readonly startupMs: number;
  readonly baselineHeapUsed: number;
  readonly heapSizeLimit: number;
  readonly execArgv: readonly string[];
}

export interface ChildDone {
  readonly phase: 'done';
  readonly ms: number;
  /** The most heap in use at any moment of the job: before each collection, and by a 2 ms sampler. */
  readonly peakHeapUsed: number;
  readonly peakHeapTotal: number;
  readonly peakExternal: number;
  readonly maxRssBytes: number;
  readonly bytes: number;
  /** The Word file's document model (as issued and stored): its canonical text in characters, and its blocks. Null for the data return. */
  readonly modelChars: number | null;
  readonly blocks: number | null;
  readonly collections: number;
  readonly markCompacts: number;
  readonly gcMs: number;
}

export interface ChildError {
  readonly phase: 'error';
  readonly message: string;
}

export type ChildLine = ChildReady | ChildDone | ChildError;
