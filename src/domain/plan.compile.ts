import {
  ANNEX_A_INTRO,
  ANNEX_A_TITLE,
  ANNEX_B_COLUMNS,
  EXECUTIVE_SUMMARY_HEADING,
  EXECUTIVE_SUMMARY_PROMPT,
  GOVERNANCE_TABLE,
  HEADER_LABELS,
  PART_TITLES,
  QUESTION_PROMPTS,
  RISK_TABLE_COLUMNS,
  SIGNATORIES_COLUMNS,
  SIGNATORIES_HEADING,
  type Prose,
  type QuestionKey,
} from './annex-a.text';
import { MISSING_TEXT, textBlocks, type Block, type Cell, type DocumentModel } from './document.model';
import { ANSWER_WORDS, FEEDBACK_THEMES, STATUS_WORDS as FEEDBACK_STATUS_WORDS, themeTitle, VOICE_WORDS, type FeedbackCounts, type FeedbackItem } from './feedback.schema';
import { formatPence } from './money';
import {
  annexCTable,
  blueprintTable,
  deliveryPlanTable,
  governanceTable,
  RAG_SHADE,
  roadmapTable,
  simpleMatrixTable,
  spendTable,
  theoryOfChangeTable,
} from './plan-compile.tables';
import { REQUIRED_SIGNATORY_ROLES, roleTitle, type DocumentLink, type Plan, type RagRating, type RiskScale } from './plan.schema';
import { DEFAULT_MATRICES, type RiskMatrix } from './risk-rating';
import { gap, placeGaps, type GapStyle } from './plan-gaps';
import { countOf } from './text';

const h = (level: 1 | 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, text });
const p = (text: string): Block => ({ kind: 'paragraph', text });
const missing = (text = MISSING_TEXT): Block => ({ kind: 'paragraph', text, missing: true });
const field = (label: string, value: string | null): Block => ({ kind: 'field', label, value });
const list = (items: readonly string[]): Block => (items.length ? { kind: 'list', items } : missing());
const cell = (value: string | null | undefined): string => value ?? '';
const rag = (value: RagRating | null): Cell => (value ? { text: value, shade: RAG_SHADE[value] } : '');

/** The template's own words, set apart from the partnership's answers. */
const prompt = (prose: readonly Prose[]): Block[] =>
  prose.map((x): Block => (x.kind === 'paragraph' ? { kind: 'paragraph', text: x.text, voice: 'prompt' } : { kind: 'list', items: x.items, ordered: x.ordered, voice: 'prompt' }));

const question = (key: QuestionKey): Block[] => [h(3, QUESTION_PROMPTS[key].heading), ...prompt(QUESTION_PROMPTS[key].prompt)];

/** The documents a question links to; one not yet uploaded is a gap, named by what it is for. */
const documentBlocks = (docs: readonly DocumentLink[], ifNone: Block[] = []): Block[] => {
  if (docs.length === 0) return ifNone;
  const uploaded = docs.filter((d) => d.title || d.url);
  return [
    ...(uploaded.length
      ? [
          list(
            uploaded.map((d) => {
              const name = d.title ?? d.url ?? '';
              const link = d.url && d.title ? `${name} (${d.url})` : name;
              return d.purpose ? `${d.purpose}: ${link}` : link;
            }),
          ),
        ]
      : []),
    // The partnership's own words for what the document is, as they wrote them.
    ...docs.filter((d) => !d.title && !d.url).map((d) => gap(d.purpose ?? 'a document')),
  ];
};


/** What a question with no documents at all says is missing: the template's own upload slot, not a document of the plan's. */
export const NO_DOCUMENTS = {
  maturityAssessment: 'the completed Local Partnership Maturity Assessment Tool',
  reportingToDfe: 'the initial data return',
  governance: 'a diagram of the governance arrangements',
} as const;

/** A completed sign-off: who signed the compiled text with this hash, and when. */
export interface SignOffRecord {
  readonly version: number;
  readonly hash: string;
  readonly signatures: readonly { readonly role: string; readonly name: string; readonly email: string | null; readonly signedOn: string }[];
}

export interface CompileOptions {
  /** Published "you said, we did" items and their counts, for the co-production annex (left out while there are none). */
  readonly coProduction?: { readonly items: readonly FeedbackItem[]; readonly counts: FeedbackCounts };
  /** Where what is still missing is said: once, in a list at the end (the default), or not at all. */
  readonly gaps?: GapStyle;
  /** The partnership's colouring of the risk matrices (Annex C). */
  readonly matrices?: Readonly<Record<RiskScale, RiskMatrix>>;
}

const SIGNATORIES_TABLE_ID = 'signatories';
const signatoriesHeader = [[SIGNATORIES_COLUMNS.role, SIGNATORIES_COLUMNS.name, SIGNATORIES_COLUMNS.signature, SIGNATORIES_COLUMNS.email, SIGNATORIES_COLUMNS.signedOn]];
/** The five statutory roles in the template's order, then co-signers. */
const roleOrder = (role: string) => {
  const i = REQUIRED_SIGNATORY_ROLES.findIndex((r) => r.id === role);
  return i < 0 ? REQUIRED_SIGNATORY_ROLES.length : i;
};

const coProductionSummary = (counts: FeedbackCounts): string =>
  `Co-production feedback so far: ${countOf(counts.total, 'item', 'items')}, ${counts.byVoice['parent-carer']} from parents and carers and ${counts.byVoice['child-young-person']} from children and young people (recorded separately); ${counts.byStatus.answered + counts.byStatus.closed} answered.`;

/** The bot's own account of co-production, set apart from the partnership's Q9 and Q12 answers; none while nothing is recorded. */
const coProductionAnnex = ({ items, counts }: NonNullable<CompileOptions['coProduction']>): Block[] => counts.total === 0 ? [] : [
  h(2, 'Co-production annex: you said, we did'),
  p(coProductionSummary(counts)),
  { kind: 'table', header: [['Theme', 'Items']], rows: FEEDBACK_THEMES.map((t) => [t.title, String(counts.byTheme[t.id])]) },
  {
    kind: 'table',
    header: [['Status', 'Items']],
    rows: (Object.keys(counts.byStatus) as (keyof typeof counts.byStatus)[]).map((k) => [FEEDBACK_STATUS_WORDS[k], String(counts.byStatus[k])]),
  },
  p(counts.medianDaysToAnswer === null ? 'No item has been answered yet.' : `Median time to answer: ${countOf(counts.medianDaysToAnswer, 'day', 'days')}.`),
  ...(items.length
    ? [
        {
          kind: 'table',
          header: [['Voice', 'Theme', 'You said', 'We did', 'Status']],
          widths: [1.4, 1.4, 3, 3, 1],
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

const header = (plan: Plan): Block[] => [
  h(1, ANNEX_A_TITLE),
  ...ANNEX_A_INTRO.map((text): Block => ({ kind: 'paragraph', text, voice: 'prompt' })),
  field(HEADER_LABELS.localAuthority, plan.header.localAuthority),
  field(HEADER_LABELS.integratedCareBoard, plan.header.integratedCareBoard),
  field(HEADER_LABELS.sroName, plan.header.sroName),
  h(2, SIGNATORIES_HEADING),
  {
    kind: 'table',
    id: SIGNATORIES_TABLE_ID,
    header: signatoriesHeader,
    widths: [3, 2, 2, 2.4, 1.2],
    rows: [
      ...REQUIRED_SIGNATORY_ROLES.map((role) => ({ title: role.title, s: plan.signatories.find((x) => x.role === role.id) })),
      ...plan.signatories.filter((s) => s.role === 'co-signer').map((s) => ({ title: s.roleTitle ?? 'Co-signer', s })),
    ].map(({ title, s }) => [title, cell(s?.name), cell(s?.signature), cell(s?.email), cell(s?.signedOn)]),
  },
  h(2, EXECUTIVE_SUMMARY_HEADING),
  ...prompt(EXECUTIVE_SUMMARY_PROMPT),
  ...textBlocks(plan.executiveSummary.changeStory),
];

const sectionOne = ({ visionAndGoals: v }: Plan): Block[] => [
  h(2, PART_TITLES[0]),
  ...question('visionAndGoals'),
  ...textBlocks(v.vision),
  ...(v.goalsIntro ? [p(v.goalsIntro)] : []),
  v.goals.length
    ? {
        kind: 'list',
        ordered: true,
        items: v.goals.map((g) => [
          ...(g.title ? [{ text: g.title, bold: true }] : []),
          ...[g.description, g.tracked && `Track: ${g.tracked}`].filter((x): x is string => Boolean(x)).map((text) => ({ text: ` ${text}` })),
        ]),
      }
    : missing(),
];

/** Text the template does not require (a summary, an overview, a note): nothing at all when empty, never a gap. */
const optionalText = (text: string | null): Block[] => (text === null ? [] : textBlocks(text));

const sectionTwo = (plan: Plan): Block[] => {
  const { threeYearPicture: t, deliveryPlan: d, otherFunding: o, risks, dependencies } = plan;
  const { blockTransfer: b, capital: c } = o;
  const open = risks.risks.filter((r) => r.status === 'open');
  const headline = open.filter((r) => r.headline);
  return [
    h(2, PART_TITLES[1]),
    ...question('threeYearPicture'),
    ...textBlocks(t.narrative),
    blueprintTable(plan),
    ...documentBlocks(t.documents),
    ...question('theoryOfChange'),
    ...optionalText(plan.theoryOfChange.summary),
    theoryOfChangeTable(plan),
    ...question('maturityAssessment'),
    ...optionalText(plan.maturityAssessment.summary),
    ...documentBlocks(plan.maturityAssessment.documents, [gap(NO_DOCUMENTS.maturityAssessment)]),
    ...question('roadmap'),
    ...optionalText(plan.roadmap.narrative),
    roadmapTable(plan),
    ...documentBlocks(plan.roadmap.documents),
    ...question('deliveryPlan'),
    ...optionalText(d.overview),
    deliveryPlanTable(plan),
    spendTable(plan),
    ...documentBlocks(d.documents),
    ...question('deliveryCapacity'),
    ...textBlocks(plan.deliveryCapacity.narrative),
    ...question('otherFunding'),
    field('Block transfer made', b.made === null ? null : b.made ? 'Yes' : 'No'),
    ...(b.made
      ? [field('Percentage of Schools Block', b.percentage === null ? null : `${b.percentage}%`), field('Amount', b.amountPence === null ? null : formatPence(b.amountPence))]
      : []),
    ...textBlocks(b.narrative),
    ...prompt(QUESTION_PROMPTS.otherFunding.capital),
    field('New inclusion provisions', c.newProvisions === null ? null : String(c.newProvisions)),
    field('Additional local places', c.additionalPlaces === null ? null : String(c.additionalPlaces)),
    ...textBlocks(c.strategy),
    ...question('engagement'),
    ...textBlocks(plan.engagement.narrative),
    ...question('risks'),
    ...optionalText(risks.note),
    {
      kind: 'table',
      wide: true,
      header: [[RISK_TABLE_COLUMNS.description, RISK_TABLE_COLUMNS.impact, RISK_TABLE_COLUMNS.likelihood, RISK_TABLE_COLUMNS.rag, RISK_TABLE_COLUMNS.mitigation, RISK_TABLE_COLUMNS.residualRag]],
      widths: [3.5, 1, 1.1, 1, 5, 1.1],
      rows: headline.map((r) => [r.description, cell(r.impact), cell(r.likelihood), rag(r.rag), cell(r.mitigation), rag(r.residualRag)]),
    },
    ...(open.length > headline.length ? [p(`A further ${countOf(open.length - headline.length, 'open risk is', 'open risks are')} held in the partnership's full risk log.`)] : []),
    ...question('dependencies'),
    ...textBlocks(dependencies.approach),
    ...dependencies.items.filter((x) => x.status === 'open').flatMap((x) => [h(4, x.area), ...textBlocks(x.management)]),
  ];
};

const sectionsThreeToFive = (plan: Plan): Block[] => {
  const { monitoring: m, reportingToDfe, governance: g, centralGovernmentSupport } = plan;
  return [
    h(2, PART_TITLES[2]),
    ...question('monitoring'),
    ...textBlocks(m.approach),
    ...(m.kpiGroups.length
      ? [p('Examples of key performance indicators include:'), { kind: 'list', items: m.kpiGroups.map((k) => [{ text: `${k.name}:`, bold: true }, { text: ` ${k.indicators ?? MISSING_TEXT}` }]) } satisfies Block]
      : []),
    ...textBlocks(m.assuranceAndFeedback),
    ...question('reportingToDfe'),
    ...prompt(QUESTION_PROMPTS.reportingToDfe.upload),
    ...documentBlocks(reportingToDfe.documents, [gap(NO_DOCUMENTS.reportingToDfe)]),
    h(2, PART_TITLES[3]),
    ...question('governance'),
    governanceTable(plan),
    field('Where the SRO sits', g.sroPosition),
    { kind: 'paragraph', text: GOVERNANCE_TABLE.afterTable, voice: 'prompt' },
    ...documentBlocks(g.documents, [gap(NO_DOCUMENTS.governance)]),
    h(2, PART_TITLES[4]),
    ...question('centralGovernmentSupport'),
    list(centralGovernmentSupport.asks),
  ];
};

const annexes = (plan: Plan, options: CompileOptions): Block[] => {
  const matrices = options.matrices ?? DEFAULT_MATRICES;
  const usesSimpleScale = plan.risks.risks.some((r) => r.scale === 'high-medium-low');
  return [
    h(2, PART_TITLES[5]),
    {
      kind: 'table',
      header: [[ANNEX_B_COLUMNS.document, ANNEX_B_COLUMNS.link]],
      rows: plan.supportingDocuments.documents.map((d) => [cell(d.purpose), [d.title, d.url].filter(Boolean).join(' ')]),
    },
    h(2, PART_TITLES[6]),
    ...optionalText(plan.risks.matrixNote),
    annexCTable(matrices['annex-c']),
    ...(usesSimpleScale ? [p('The risks in question 10 are rated on a High / Medium / Low scale, coloured as follows:'), simpleMatrixTable(matrices['high-medium-low'])] : []),
    ...(options.coProduction ? coProductionAnnex(options.coProduction) : []),
  ];
};

/**
 * The plan as the government expects it: Annex A's parts and questions in the template's order,
 * each question's prompt above the partnership's answer. This is the one compiled text: sign-off
 * fingerprints it, and every file (Markdown, Word, the link a signatory opens) renders it.
 */
export const compileAnnexA = (plan: Plan, options: CompileOptions = {}): DocumentModel => ({
  title: `${ANNEX_A_TITLE}: ${plan.header.localAuthority ?? plan.meta.title} ${plan.meta.reportingYear}`,
  blocks: placeGaps([...header(plan), ...sectionOne(plan), ...sectionTwo(plan), ...sectionsThreeToFive(plan), ...annexes(plan, options)], options.gaps ?? 'list'),
});

/**
 * The signed document: the text that was signed, with the signatories table filled in from the
 * sign-off. The fingerprint stays that of the text as sent, which the table names.
 */
export const signDocument = (document: DocumentModel, record: SignOffRecord): DocumentModel => ({
  ...document,
  blocks: document.blocks.flatMap((block): Block[] =>
    block.kind === 'table' && block.id === SIGNATORIES_TABLE_ID
      ? [
          {
            ...block,
            rows: [...record.signatures]
              .sort((a, b) => roleOrder(a.role) - roleOrder(b.role))
              .map((s) => [roleTitle(s.role), s.name, `Signed in Microsoft Teams (version ${record.version}, SHA-256 ${record.hash})`, cell(s.email), s.signedOn]),
          },
          p(`Signed version ${record.version}. SHA-256 of the signed text: ${record.hash}`),
        ]
      : [block],
  ),
});
