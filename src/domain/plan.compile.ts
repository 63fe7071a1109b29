import { quarterLabel } from './calendar';
import { textBlocks, MISSING_TEXT, type Block, type DocumentModel } from './document.model';
import { formatPence } from './money';
import { BUILDING_BLOCKS, DELIVERY_QUARTERS, REQUIRED_SIGNATORY_ROLES, type DocumentLink, type Plan, type SectionKey, type SuccessMeasure } from './plan.schema';
import { SECTIONS, sectionInfo } from './plan.sections';
import { ANNEX_C_MATRIX } from './risk-rating';
import { ANSWER_WORDS, FEEDBACK_THEMES, STATUS_WORDS as FEEDBACK_STATUS_WORDS, themeTitle, VOICE_WORDS, type FeedbackCounts, type FeedbackItem } from './feedback.schema';
import { spendTotals } from './spend.totals';

const h = (level: 1 | 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, text });
const p = (text: string): Block => ({ kind: 'paragraph', text });
const field = (label: string, value: string | null): Block => ({ kind: 'field', label, value });
const list = (items: readonly string[]): Block => (items.length ? { kind: 'list', items } : { kind: 'paragraph', text: MISSING_TEXT, missing: true });
const table = (header: string[], rows: string[][]): Block => ({ kind: 'table', header, rows });
const cell = (value: string | null | undefined): string => value ?? '';
const blockName = (id: string | null): string => BUILDING_BLOCKS.find((b) => b.id === id)?.name ?? 'Enablers';

const documentBlocks = (docs: readonly DocumentLink[]): Block[] =>
  docs.length === 0
    ? []
    : [
        list(
          docs.map((d) => {
            const name = d.title ?? 'Not yet uploaded';
            const link = d.url ? `${name} (${d.url})` : name;
            return d.purpose ? `${d.purpose}: ${link}` : link;
          }),
        ),
      ];

const measuresTable = (measures: readonly SuccessMeasure[]): Block[] =>
  measures.length === 0
    ? []
    : [h(4, 'Success measures'), table(['Measure', 'Baseline', 'Target'], measures.map((m) => [cell(m.name), cell(m.baseline), cell(m.target)]))];

/** A completed sign-off: who signed the compiled text with this hash, and when. */
export interface SignOffRecord {
  readonly version: number;
  readonly hash: string;
  readonly signatures: readonly { readonly role: string; readonly name: string; readonly email: string | null; readonly signedOn: string }[];
}

type SectionCompiler = (plan: Plan, options: CompileOptions) => Block[];

export interface CompileOptions {
  readonly signOff?: SignOffRecord;
  /** Published "you said, we did" items and the counts Q9 and Q12 refer to. */
  readonly coProduction?: { readonly items: readonly FeedbackItem[]; readonly counts: FeedbackCounts };
}

const coProductionSummary = (counts: FeedbackCounts): string =>
  `Co-production feedback so far: ${counts.total} item(s), ${counts.byVoice['parent-carer']} from parents and carers and ${counts.byVoice['child-young-person']} from children and young people (recorded separately); ${counts.byStatus.answered + counts.byStatus.closed} answered. See the co-production annex.`;

const coProductionAnnex = ({ items, counts }: NonNullable<CompileOptions['coProduction']>): Block[] => [
  h(2, 'Co-production annex: you said, we did'),
  p(coProductionSummary(counts).replace(' See the co-production annex.', '')),
  table(
    ['Theme', 'Items'],
    FEEDBACK_THEMES.map((t) => [t.title, String(counts.byTheme[t.id])]),
  ),
  table(
    ['Status', 'Items'],
    (Object.keys(counts.byStatus) as (keyof typeof counts.byStatus)[]).map((k) => [FEEDBACK_STATUS_WORDS[k], String(counts.byStatus[k])]),
  ),
  p(counts.medianDaysToAnswer === null ? 'No item has been answered yet.' : `Median time to answer: ${counts.medianDaysToAnswer} day(s).`),
  ...(items.length
    ? [
        {
          kind: 'table',
          literal: true,
          header: ['Voice', 'Theme', 'You said', 'We did', 'Status'],
          rows: items.map((i) => [
            `${VOICE_WORDS[i.voice]}${i.anonymous ? '' : ` (${i.submitterName})`}`,
            themeTitle(i.theme),
            i.said,
            i.answer ? `${ANSWER_WORDS[i.answer.kind]}${i.answer.plannedFor ? ` (by ${i.answer.plannedFor})` : ''}: ${i.answer.text}` : 'Not answered yet',
            FEEDBACK_STATUS_WORDS[i.status],
          ]),
        } satisfies Block,
      ]
    : [p('No feedback has been published yet.')]),
];

const COMPILERS: Record<SectionKey, SectionCompiler> = {
  header: ({ header }) => [
    field('Name of Local Authority', header.localAuthority),
    field('Name of Integrated Care Board', header.integratedCareBoard),
    field('Local SEND Reform Plan SRO', header.sroName),
  ],
  signatories: ({ signatories }, { signOff }) => {
    if (signOff) {
      const title = (role: string) => REQUIRED_SIGNATORY_ROLES.find((r) => r.id === role)?.title ?? 'Co-signer';
      return [
        table(
          ['Role', 'Name', 'Signature', 'Email contact', 'Date'],
          signOff.signatures.map((s) => [title(s.role), s.name, 'Signed in Microsoft Teams', cell(s.email), s.signedOn]),
        ),
        p(`Signed version ${signOff.version}. SHA-256 of the signed text: ${signOff.hash}`),
      ];
    }
    const required = REQUIRED_SIGNATORY_ROLES.map((role) => ({ title: role.title, s: signatories.find((x) => x.role === role.id) }));
    const others = signatories.filter((s) => s.role === 'co-signer').map((s) => ({ title: s.roleTitle ?? 'Co-signer', s }));
    return [
      table(
        ['Role', 'Name', 'Signature', 'Email contact', 'Date'],
        [...required, ...others].map(({ title, s }) => [title, cell(s?.name), cell(s?.signature), cell(s?.email), cell(s?.signedOn)]),
      ),
    ];
  },
  executiveSummary: ({ executiveSummary }) => textBlocks(executiveSummary.changeStory),
  visionAndGoals: ({ visionAndGoals: v }) => [
    ...textBlocks(v.vision),
    ...(v.goalsIntro ? [p(v.goalsIntro)] : []),
    v.goals.length
      ? {
          kind: 'list',
          ordered: true,
          items: v.goals.map((g) => [g.title && `**${g.title}**`, g.description, g.tracked && `Track: ${g.tracked}`].filter(Boolean).join(' ')),
        }
      : list([]),
  ],
  threeYearPicture: ({ threeYearPicture: t }) => [
    ...textBlocks(t.narrative),
    table(
      ['Local blueprint for the next 3 years', 'Where we are', 'Where we will be in the next 3 years'],
      t.blueprint.map((r) => [blockName(r.buildingBlock), cell(r.whereWeAre), cell(r.whereWeWillBe)]),
    ),
    ...measuresTable(t.successMeasures),
    ...documentBlocks(t.documents),
  ],
  theoryOfChange: ({ theoryOfChange: t }) => [
    h(4, 'Vision'),
    ...textBlocks(t.vision),
    h(4, 'Inputs'),
    list(t.inputs),
    h(4, 'Activities'),
    list(t.activities),
    h(4, 'Outputs'),
    list(t.outputs),
    h(4, 'Outcomes'),
    list(t.outcomes),
  ],
  maturityAssessment: ({ maturityAssessment }) =>
    maturityAssessment.documents.length ? documentBlocks(maturityAssessment.documents) : [p('Not yet uploaded.')],
  roadmap: ({ roadmap }) => [
    table(
      ['Local roadmap for the next 3 years', ...roadmap.years],
      roadmap.rows.map((r) => [
        [blockName(r.buildingBlock), ...r.outcomes.map((o) => `- ${o}`)].join('\n'),
        cell(r.year1),
        cell(r.year2),
        cell(r.year3),
      ]),
    ),
    ...measuresTable(roadmap.successMeasures),
    ...documentBlocks(roadmap.documents),
  ],
  deliveryPlan: ({ deliveryPlan: d, meta }) => {
    const totals = spendTotals(d);
    const quarterSources = DELIVERY_QUARTERS.flatMap((q) => d.fundingSources.map((s) => ({ q, s })));
    return [
      ...(d.crossCuttingFocus.length ? [p(`All workstreams have a focus on:`), list(d.crossCuttingFocus)] : []),
      ...d.workstreams.flatMap((w) => [
        h(4, `Workstream ${w.code}: ${w.name}`),
        field('Related building blocks', w.buildingBlocks.map(blockName).join('; ') || null),
        field('Outcome', w.outcome),
        p('Success measures:'),
        list(w.successMeasures),
        field('Responsible lead', w.lead),
        table(
          ['Quarter', 'Milestones', 'Target trajectory'],
          DELIVERY_QUARTERS.map((q) => [
            quarterLabel(meta.reportingYear, q),
            w.quarters[q].milestones.map((m) => `- ${m.text}`).join('\n'),
            cell(w.quarters[q].trajectory.text),
          ]),
        ),
      ]),
      h(4, 'Projected investment spend per quarter'),
      table(
        ['Category', ...quarterSources.map(({ q, s }) => `${quarterLabel(meta.reportingYear, q)} ${s.name}`)],
        [
          ...d.spend.map((line) => [line.category, ...quarterSources.map(({ q, s }) => formatPence(line.amounts[q][s.id] ?? null))]),
          ['Total Spend', ...quarterSources.map(({ q, s }) => formatPence(totals[q][s.id] ?? 0))],
        ],
      ),
      ...documentBlocks(d.documents),
    ];
  },
  deliveryCapacity: ({ deliveryCapacity }) => textBlocks(deliveryCapacity.narrative),
  otherFunding: ({ otherFunding: { blockTransfer: b, capital: c } }) => [
    h(4, 'Block transfer (Schools Block to High Needs Block)'),
    field('Block transfer made', b.made === null ? null : b.made ? 'Yes' : 'No'),
    ...(b.made
      ? [field('Percentage of Schools Block', b.percentage === null ? null : `${b.percentage}%`), field('Amount', b.amountPence === null ? null : formatPence(b.amountPence))]
      : []),
    ...textBlocks(b.narrative),
    h(4, 'High needs capital strategy'),
    field('New inclusion provisions', c.newProvisions === null ? null : String(c.newProvisions)),
    field('Additional local places', c.additionalPlaces === null ? null : String(c.additionalPlaces)),
    ...textBlocks(c.strategy),
  ],
  engagement: ({ engagement }) => textBlocks(engagement.narrative),
  risks: ({ risks }) => {
    const open = risks.risks.filter((r) => r.status === 'open');
    const headline = open.filter((r) => r.headline);
    const rest = open.length - headline.length;
    return [
      table(
        ['Risk', 'Impact', 'Likelihood', 'RAG', 'Mitigation', 'Residual RAG'],
        headline.map((r) => [r.description, cell(r.impact), cell(r.likelihood), cell(r.rag), cell(r.mitigation), cell(r.residualRag)]),
      ),
      ...(rest > 0 ? [p(`A further ${rest} open risk(s) are held in the partnership's full risk log.`)] : []),
    ];
  },
  dependencies: ({ dependencies: d }) => [
    ...textBlocks(d.approach),
    ...d.items.filter((x) => x.status === 'open').flatMap((x) => [h(4, x.area), ...textBlocks(x.management)]),
  ],
  monitoring: ({ monitoring: m }) => [
    ...textBlocks(m.approach),
    ...(m.kpiGroups.length ? [p('Examples of key performance indicators include:'), list(m.kpiGroups.map((k) => `**${k.name}:** ${k.indicators ?? MISSING_TEXT}`))] : []),
    ...textBlocks(m.assuranceAndFeedback),
  ],
  reportingToDfe: ({ reportingToDfe }) => (reportingToDfe.documents.length ? documentBlocks(reportingToDfe.documents) : [p('Not yet uploaded.')]),
  governance: ({ governance: g }) => [
    table(
      ['Governance Mechanism', 'Purpose/ Responsibilities', 'Membership', 'Cadence', 'Decision Rights', 'Escalation Route'],
      g.mechanisms.map((m) => [m.name, cell(m.purpose), cell(m.membership), cell(m.cadence), cell(m.decisionRights), cell(m.escalationRoute)]),
    ),
    field('Where the SRO sits', g.sroPosition),
    ...documentBlocks(g.documents),
  ],
  centralGovernmentSupport: ({ centralGovernmentSupport }) => [list(centralGovernmentSupport.asks)],
  supportingDocuments: ({ supportingDocuments }) => [
    table(
      ['Document', 'Link'],
      supportingDocuments.documents.map((d) => [cell(d.purpose), [d.title, d.url].filter(Boolean).join(' ')]),
    ),
  ],
};

const riskMatrixAnnex = (): Block[] => [
  h(2, 'Annex C – Risk Matrix'),
  table(
    ['Impact level', ...ANNEX_C_MATRIX.likelihoodLevels],
    [...ANNEX_C_MATRIX.impactLevels]
      .map((level, i) => [level, ...(ANNEX_C_MATRIX.cells[i] ?? []).map(String)])
      .reverse(),
  ),
];

/** The whole plan as the government expects it: Annex A's parts and questions, in order. */
export const compilePlan = (plan: Plan, options: CompileOptions = {}): DocumentModel => {
  const blocks: Block[] = [h(1, `${plan.meta.title} ${plan.meta.reportingYear}`)];
  let part: string | null = null;
  for (const section of SECTIONS) {
    if (section.part && section.part !== part) {
      part = section.part;
      blocks.push(h(2, part));
    }
    const info = sectionInfo(section.key);
    if (section.key !== 'header') {
      blocks.push(info.question === null ? h(2, info.title) : h(3, `${info.question}. ${info.title}`));
    }
    blocks.push(...COMPILERS[section.key](plan, options));
    if (options.coProduction && (section.key === 'engagement' || section.key === 'monitoring')) blocks.push(p(coProductionSummary(options.coProduction.counts)));
  }
  blocks.push(...riskMatrixAnnex());
  if (options.coProduction) blocks.push(...coProductionAnnex(options.coProduction));
  return { title: `${plan.meta.title} ${plan.meta.reportingYear}`, blocks };
};
