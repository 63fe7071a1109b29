import { DELIVERY_QUARTERS, LIMITS, REQUIRED_SIGNATORY_ROLES, roleTitle, type SectionKey } from '../../domain/plan.schema';
import { sectionInfo } from '../../domain/plan.sections';

import type { FieldSpec, SectionForm } from './section-forms.types';
import { DEPENDENCY_FIELDS, RISK_FIELDS, riskScoreErrors } from './risk-fields';
import { BLOCK_CHOICES, text, long, lines, str, clip, documentsTable, measuresTable, blockKind, blockTitle, fundingSources } from './section-form.parts';

export type { Choice, FieldKind, FieldSpec, SectionForm, StepSpec, TableSpec } from './section-forms.types';

export const SECTION_FORMS: Record<SectionKey, SectionForm> = {
  header: {
    section: 'header',
    steps: [
      {
        title: 'The partnership',
        fields: [
          text('localAuthority', 'Name of Local Authority'),
          text('integratedCareBoard', 'Name of Integrated Care Board'),
          text('sroName', 'Local SEND Reform Plan SRO'),
          // Not in the template: the quarterly data return carries it on every row.
          text('laCode', 'DfE local authority number (three digits, for the data return)', { max: 3 }),
        ],
      },
    ],
  },
  signatories: {
    section: 'signatories',
    steps: [
      {
        title: 'Signatories',
        intro: 'All five roles must sign the plan. Other leaders (early years, school, college and trust) may co-sign.',
        table: {
          path: '',
          label: 'Signatories',
          rowNoun: 'signatory',
          idPrefix: 'co-signer',
          columns: () => [
            {
              path: 'role',
              label: 'Role',
              kind: 'choice',
              choices: [...REQUIRED_SIGNATORY_ROLES.map((r) => ({ value: r.id, title: r.title })), { value: 'co-signer', title: 'Co-signer' }],
            },
            text('roleTitle', 'Co-signer’s role (co-signers only)'),
            text('name', 'Name'),
            { path: 'email', label: 'Email contact', kind: 'email', max: LIMITS.short },
          ],
          rowTitle: (r) =>
            `${r.role === 'co-signer' ? str(r.roleTitle) || 'Co-signer' : roleTitle(str(r.role))}: ${str(r.name) || 'no name yet'}${r.email ? ` (${str(r.email)})` : ''}`,
          newRow: (id) => ({ id, role: 'co-signer', roleTitle: null, name: null, email: null, signature: null, signedOn: null }),
        },
      },
    ],
  },
  executiveSummary: {
    section: 'executiveSummary',
    steps: [
      {
        title: 'Your change story',
        intro:
          'Your local context, where you are now, where you want to be in 3 years and how you will know. Structure it by the four aims, with current and forecast performance against the headline metrics.',
        fields: [long('changeStory', 'Change story', { succinct: true, hint: 'A brief summary: aim for one page (about 6,000 characters).' })],
      },
    ],
  },
  visionAndGoals: {
    section: 'visionAndGoals',
    steps: [
      { title: 'Vision', fields: [long('vision', 'Vision statement', { succinct: true }), text('goalsIntro', 'Introduction to the goals', { max: LIMITS.line })] },
      {
        title: 'Goals',
        intro: 'Goals should be small in number and measurable, covering outcomes for children, confidence of families, and finances.',
        table: {
          path: 'goals',
          label: 'Goals',
          rowNoun: 'goal',
          idPrefix: 'goal',
          columns: () => [
            text('title', 'Goal'),
            long('description', 'What it means'),
            long('tracked', 'What you will track', { max: LIMITS.line }),
            {
              path: 'themes',
              label: 'What it covers',
              kind: 'choices',
              choices: [
                { value: 'outcomes', title: 'Outcomes for children' },
                { value: 'confidence', title: 'Confidence of parents, carers and young people' },
                { value: 'finance', title: 'Finances and value for money' },
              ],
            },
          ],
          rowTitle: (r) => clip(str(r.title) || 'Goal'),
          newRow: (id) => ({ id, title: null, description: null, tracked: null, themes: [] }),
        },
      },
    ],
  },
  threeYearPicture: {
    section: 'threeYearPicture',
    steps: [
      { title: 'Where you will be in 3 years', fields: [long('narrative', 'Your three-year picture')] },
      {
        title: 'Local blueprint',
        table: {
          path: 'blueprint',
          label: 'Local blueprint for the next 3 years',
          rowNoun: 'blueprint row',
          idPrefix: 'blueprint',
          columns: () => [
            { path: 'buildingBlock', label: 'Building block (leave empty for Enablers)', kind: 'choice', choices: BLOCK_CHOICES },
            long('whereWeAre', 'Where we are'),
            long('whereWeWillBe', 'Where we will be in the next 3 years'),
          ],
          rowTitle: blockTitle,
          newRow: (id) => ({ id, kind: 'building-block', buildingBlock: null, whereWeAre: null, whereWeWillBe: null }),
          finishRow: blockKind,
        },
      },
      { title: 'Success measures', table: measuresTable('successMeasures', 'q2-measure') },
      { title: 'Documents', table: documentsTable('documents', 'Supporting documents', 'q2-doc') },
    ],
  },
  theoryOfChange: {
    section: 'theoryOfChange',
    steps: [
      { title: 'Summary and vision', fields: [long('summary', 'Summary of your theory of change'), long('vision', 'Vision', { succinct: true })] },
      { title: 'Inputs and activities', fields: [lines('inputs', 'Inputs'), lines('activities', 'Activities')] },
      { title: 'Outputs and outcomes', fields: [lines('outputs', 'Outputs'), lines('outcomes', 'Outcomes')] },
    ],
  },
  maturityAssessment: {
    section: 'maturityAssessment',
    steps: [
      { title: 'Maturity assessment', table: documentsTable('documents', 'Completed Local Partnership Maturity Assessment Tool', 'q4-doc') },
      { title: 'What it found', fields: [long('summary', 'What your assessment found (optional)')] },
    ],
  },
  roadmap: {
    section: 'roadmap',
    steps: [
      {
        title: 'Roadmap',
        table: {
          path: 'rows',
          label: 'Local roadmap for the next 3 years',
          rowNoun: 'roadmap row',
          idPrefix: 'roadmap',
          columns: () => [
            { path: 'buildingBlock', label: 'Building block (leave empty for Enablers)', kind: 'choice', choices: BLOCK_CHOICES },
            lines('outcomes', 'Outcomes for this building block'),
            long('year1', '2026/27'),
            long('year2', '2027/28'),
            long('year3', '2028/29'),
          ],
          rowTitle: (r) => clip(`${blockTitle(r)}${Array.isArray(r.outcomes) && r.outcomes.length ? `: ${str(r.outcomes[0])}` : ''}`),
          newRow: (id) => ({ id, kind: 'building-block', buildingBlock: null, outcomes: [], year1: null, year2: null, year3: null }),
          finishRow: blockKind,
        },
      },
      { title: 'Success measures', table: measuresTable('successMeasures', 'q5-measure') },
      { title: 'Documents', table: documentsTable('documents', 'Supporting documents', 'q5-doc') },
      { title: 'Overview', fields: [long('narrative', 'How the three years hang together (optional)')] },
    ],
  },
  deliveryPlan: {
    section: 'deliveryPlan',
    steps: [
      { title: 'Overview and focus across workstreams', fields: [long('overview', 'How the year’s workstreams fit together (optional)'), lines('crossCuttingFocus', 'Every workstream has a focus on')] },
      {
        title: 'Workstreams',
        intro: 'Each workstream with its lead, and for each quarter its milestones and target trajectory.',
        table: {
          path: 'workstreams',
          label: 'Workstreams',
          rowNoun: 'workstream',
          idPrefix: 'ws',
          columns: () => [
            text('code', 'Number', { max: 10, hint: 'e.g. 1a' }),
            text('name', 'Workstream'),
            { path: 'buildingBlocks', label: 'Related building blocks', kind: 'choices', choices: BLOCK_CHOICES },
            { path: 'enablers', label: 'Also mapped to the Enablers row?', kind: 'yesno' },
            long('outcome', 'Outcome – what you want to achieve'),
            lines('successMeasures', 'Success measures'),
            text('lead', 'Responsible lead'),
            ...DELIVERY_QUARTERS.flatMap((q): FieldSpec[] => [
              { path: `quarters.${q}.milestones`, label: `${q} milestones`, kind: 'milestones', hint: 'One milestone a line.', max: LIMITS.narrative },
              text(`quarters.${q}.trajectory.text`, `${q} target trajectory`, { max: LIMITS.line }),
            ]),
          ],
          rowTitle: (r) => clip(`Workstream ${str(r.code)}: ${str(r.name)}${r.lead ? ` (${str(r.lead)})` : ''}`),
          newRow: (id) => ({
            id,
            code: '?',
            name: 'New workstream',
            buildingBlocks: [],
            enablers: null,
            outcome: null,
            successMeasures: [],
            lead: null,
            quarters: Object.fromEntries(DELIVERY_QUARTERS.map((q) => [q, { milestones: [], trajectory: { text: null, metric: null, target: null, unit: null } }])),
          }),
        },
      },
      {
        title: 'Funding sources',
        table: {
          path: 'fundingSources',
          label: 'Funding sources',
          rowNoun: 'funding source',
          idPrefix: 'source',
          columns: () => [text('name', 'Funding source')],
          rowTitle: (r) => str(r.name),
          newRow: (id) => ({ id, name: 'New funding source' }),
        },
      },
      {
        title: 'Projected investment spend',
        intro: 'Amounts in pounds for each category, quarter and funding source.',
        table: {
          path: 'spend',
          label: 'Projected investment spend per quarter',
          rowNoun: 'spend category',
          idPrefix: 'spend',
          columns: (content) => [
            text('category', 'Category', { max: LIMITS.line }),
            ...DELIVERY_QUARTERS.flatMap((q) =>
              fundingSources(content).map((s): FieldSpec => ({ path: `amounts.${q}.${s.id}`, label: `${q} – ${s.name} (£)`, kind: 'pounds' })),
            ),
          ],
          rowTitle: (r) => clip(str(r.category)),
          newRow: (id, content) => ({
            id,
            category: 'New category',
            amounts: Object.fromEntries(DELIVERY_QUARTERS.map((q) => [q, Object.fromEntries(fundingSources(content).map((s) => [s.id, null]))])),
          }),
        },
      },
      { title: 'Documents', table: documentsTable('documents', 'Supporting documents', 'q6-doc') },
    ],
  },
  deliveryCapacity: {
    section: 'deliveryCapacity',
    steps: [{ title: 'Capacity and capability', fields: [long('narrative', 'How will you deliver the first-year plan?')] }],
  },
  otherFunding: {
    section: 'otherFunding',
    steps: [
      {
        title: 'Block transfer',
        fields: [
          { path: 'blockTransfer.made', label: 'Did you make a block transfer (Schools Block to High Needs Block) for 2026-27?', kind: 'yesno' },
          { path: 'blockTransfer.percentage', label: 'Percentage of the Schools Block', kind: 'number' },
          { path: 'blockTransfer.amountPence', label: 'Amount (£)', kind: 'pounds' },
          long('blockTransfer.narrative', 'How the transfer aligns with the plan'),
        ],
      },
      {
        title: 'High needs capital',
        fields: [
          { path: 'capital.newProvisions', label: 'New inclusion provisions', kind: 'number' },
          { path: 'capital.additionalPlaces', label: 'Additional local places', kind: 'number' },
          long('capital.strategy', 'High needs capital strategy'),
        ],
      },
    ],
  },
  engagement: {
    section: 'engagement',
    steps: [{ title: 'Engagement and co-production', fields: [long('narrative', 'How you engage partners, families and children and young people')] }],
  },
  risks: {
    section: 'risks',
    steps: [
      {
        title: 'Risks and mitigations',
        intro: 'At most five headline risks, each with impact and likelihood: the RAG comes from them through the partnership’s risk matrix.',
        table: {
          path: 'risks',
          label: 'Risks',
          rowNoun: 'risk',
          idPrefix: 'risk',
          columns: () => [
            RISK_FIELDS.description,
            RISK_FIELDS.scale,
            RISK_FIELDS.impact('both'),
            RISK_FIELDS.likelihood('both'),
            RISK_FIELDS.mitigation,
            RISK_FIELDS.residualRag,
            RISK_FIELDS.headline,
            RISK_FIELDS.status,
          ],
          rowErrors: riskScoreErrors,
          rowTitle: (r) => clip(`${r.rag ? `[${str(r.rag)}] ` : ''}${str(r.description)}`),
          newRow: (id) => ({
            id,
            description: 'New risk',
            scale: 'high-medium-low',
            impact: null,
            likelihood: null,
            rag: null,
            mitigation: null,
            residualRag: null,
            // A new risk joins the full log; making it a headline risk is a choice (at most five).
            headline: false,
            status: 'open',
            closedReason: null,
          }),
        },
      },
      {
        title: 'How you rate and keep risks',
        fields: [long('note', 'How the partnership rates its risks and keeps its full register (optional)'), long('matrixNote', 'Beside the risk matrix in Annex C: how you use it (optional)')],
      },
    ],
  },
  dependencies: {
    section: 'dependencies',
    steps: [
      { title: 'How you manage dependencies', fields: [long('approach', 'Your approach')] },
      {
        title: 'Dependencies',
        table: {
          path: 'items',
          label: 'Dependencies',
          rowNoun: 'dependency',
          idPrefix: 'dep',
          columns: () => [DEPENDENCY_FIELDS.area, DEPENDENCY_FIELDS.management, DEPENDENCY_FIELDS.status],
          rowTitle: (r) => clip(str(r.area)),
          newRow: (id) => ({ id, area: 'New dependency', management: null, status: 'open', closedReason: null }),
        },
      },
    ],
  },
  monitoring: {
    section: 'monitoring',
    steps: [
      { title: 'Monitoring tools and processes', fields: [long('approach', 'How you will track delivery')] },
      {
        title: 'Key performance indicators',
        table: {
          path: 'kpiGroups',
          label: 'KPI groups',
          rowNoun: 'KPI group',
          idPrefix: 'kpi',
          columns: () => [text('name', 'Group'), long('indicators', 'Indicators', { max: LIMITS.line })],
          rowTitle: (r) => str(r.name),
          newRow: (id) => ({ id, name: 'New group', indicators: null }),
        },
      },
      { title: 'Feedback and adaptation', fields: [long('assuranceAndFeedback', 'Quality assurance, lived experience and feedback loops')] },
    ],
  },
  reportingToDfe: {
    section: 'reportingToDfe',
    steps: [{ title: 'Reporting to DfE', table: documentsTable('documents', 'Initial data return', 'q13-doc') }],
  },
  governance: {
    section: 'governance',
    steps: [
      {
        title: 'Governance mechanisms',
        intro: 'Membership should include health and Parent Carer Forum representation; say who chairs.',
        table: {
          path: 'mechanisms',
          label: 'Governance mechanisms',
          rowNoun: 'governance mechanism',
          idPrefix: 'governance',
          columns: () => [
            text('name', 'Governance mechanism'),
            long('purpose', 'Purpose and responsibilities'),
            long('membership', 'Membership (who chairs?)'),
            text('cadence', 'Cadence'),
            long('decisionRights', 'Decision rights'),
            long('escalationRoute', 'Escalation route', { max: LIMITS.line }),
          ],
          rowTitle: (r) => str(r.name),
          newRow: (id) => ({ id, name: 'New group', purpose: null, membership: null, cadence: null, decisionRights: null, escalationRoute: null }),
        },
      },
      { title: 'Where the SRO sits', fields: [long('sroPosition', 'Where the SRO sits in the governance structure', { max: LIMITS.line })] },
      { title: 'Governance diagram', table: documentsTable('documents', 'Diagram', 'q14-doc') },
    ],
  },
  centralGovernmentSupport: {
    section: 'centralGovernmentSupport',
    steps: [{ title: 'Support you need', fields: [lines('asks', 'What central government can do to help')] }],
  },
  supportingDocuments: {
    section: 'supportingDocuments',
    steps: [{ title: 'Supporting documents', table: documentsTable('documents', sectionInfo('supportingDocuments').title, 'annex-b') }],
  },
};
