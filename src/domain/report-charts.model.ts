/**
 * The data behind the highlight report's charts, with no drawing attached: the domain says
 * what is plotted, a renderer under src/export decides how it looks.
 */
export type RagBucket = 'Green' | 'Amber' | 'Red' | 'Not rated';

export type ChartData =
  | {
      readonly type: 'milestones-by-rag';
      readonly title: string;
      /** One row per workstream and RAG, zero counts included so every workstream shows. */
      readonly rows: readonly { readonly workstream: string; readonly rag: RagBucket; readonly count: number }[];
    }
  | {
      readonly type: 'trajectory';
      readonly title: string;
      /** Target from the plan, actual from the latest update of each quarter; numeric only. */
      readonly rows: readonly { readonly workstream: string; readonly quarter: string; readonly series: 'Target' | 'Actual'; readonly value: number; readonly unit: string | null }[];
    }
  | {
      readonly type: 'risk-heatmap';
      readonly title: string;
      /** Lowest first, as in the risk matrix. */
      readonly impactLevels: readonly string[];
      readonly likelihoodLevels: readonly string[];
      /** The partnership's colouring of each cell. */
      readonly cells: readonly { readonly impact: string; readonly likelihood: string; readonly rag: 'Red' | 'Amber' | 'Green' }[];
      /** Each open risk placed in its cell; `label` is short (R1, R2...). */
      readonly risks: readonly { readonly label: string; readonly description: string; readonly impact: string; readonly likelihood: string }[];
    }
  | {
      readonly type: 'spend';
      readonly title: string;
      /** Whole plan, per delivery quarter: projected (plan) and actual (recorded), in pence. */
      readonly rows: readonly { readonly quarter: string; readonly series: 'Projected' | 'Actual'; readonly pence: number }[];
    };
