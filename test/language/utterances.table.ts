import type { IntentName, UnderstoodEntities } from '../../src/app/understanding.port';
import type { RoleName } from '../../src/domain/people.schema';

export interface UtteranceCase {
  readonly text: string;
  readonly role: RoleName;
  readonly intent: IntentName | 'none';
  /** The entities that must be read from it (others may be read too). */
  readonly entities?: UnderstoodEntities;
  /** Held out: never in the training corpus, so it measures how well the model generalises. */
  readonly held: boolean;
}

const T = (text: string, role: RoleName, intent: IntentName | 'none', entities?: UnderstoodEntities): UtteranceCase => ({ text, role, intent, entities, held: false });
const H = (text: string, role: RoleName, intent: IntentName | 'none', entities?: UnderstoodEntities): UtteranceCase => ({ text, role, intent, entities, held: true });

/**
 * What people type, by role, and what it must be read as. Quarters are read against 2026-Q3
 * (the test clock's 27 November 2026). T lines are in the corpus; H lines must never be added to it.
 */
export const UTTERANCES: readonly UtteranceCase[] = [
  // The SRO
  T("who hasn't signed?", 'sro', 'signoff.status'),
  T('send the plan to the signatories', 'sro', 'signoff.start'),
  H('has the ICB CEO signed yet', 'sro', 'signoff.status', { signatoryRole: 'icb-chief-executive' }),
  H('has the DCS signed', 'sro', 'signoff.status', { signatoryRole: 'director-of-childrens-services' }),
  H('did the 151 officer sign it?', 'sro', 'signoff.status', { signatoryRole: 'la-chief-finance-officer' }),
  H('has the chief exec approved the plan yet', 'sro', 'signoff.status', { signatoryRole: 'la-chief-executive' }),
  H('whos left to sign?', 'sro', 'signoff.status'),
  H('please could you send the plan off for signatures', 'sro', 'signoff.start'),
  H('can we get the signatories to sign it now', 'sro', 'signoff.start'),
  T('which risks are red', 'sro', 'risks', { rag: 'Red' }),
  H('show me all the amber risks please', 'sro', 'risks', { rag: 'Amber' }),
  H('what risks are rated red at the moment', 'sro', 'risks', { rag: 'Red' }),
  H('Q3 highlight report', 'sro', 'report', { quarter: '2026-Q3' }),
  H('the highlight report for last quarter', 'sro', 'report', { quarter: '2026-Q2' }),
  H("this quarter's report please", 'sro', 'report', { quarter: '2026-Q3' }),
  H('show me the governance section', 'sro', 'section.open', { section: 'governance' }),
  T('the risks bit', 'sro', 'section.open', { section: 'risks' }),
  H('Q14', 'sro', 'section.open', { section: 'governance' }),
  H('open question 9', 'sro', 'section.open', { section: 'engagement' }),
  H('take me to the roadmap section', 'sro', 'section.open', { section: 'roadmap' }),
  T('draft the executive summary from the plan', 'sro', 'assist.draft', { section: 'executiveSummary' }),
  H('could you write a draft of the executive summary', 'sro', 'assist.draft', { section: 'executiveSummary' }),
  H("summarise this quarter's updates for workstream 3", 'sro', 'assist.summarise', { workstreamId: 'ws-3', quarter: '2026-Q3' }),
  H('suggest a mitigation for the EP capacity risk', 'sro', 'assist.mitigation', { riskId: 'risk-eaho-workforce' }),
  H('are we ready to submit the plan', 'sro', 'check'),
  H('is the plan good to go for sign off', 'sro', 'check'),
  H('how are we getting on with the plan', 'sro', 'status'),
  H('which bits of the plan are incomplete', 'sro', 'status'),
  H('who changed the risk register', 'sro', 'history'),
  H('show me the history of changes', 'sro', 'history'),
  H('download a word version of the plan', 'sro', 'export'),
  H('what has the forum fed back', 'sro', 'feedback.list'),
  H('what did parents tell us and what did we do', 'sro', 'feedback.list'),
  H('please show me the plan status', 'sro', 'status'),
  H('whats the status of the plan', 'sro', 'status'),
  H('record the actual spend for Q3', 'sro', 'spend', { quarter: '2026-Q3' }),
  H('shwo me the riks please', 'sro', 'risks'),
  H('hwo hasnt sgined', 'sro', 'signoff.status'),
  // Workstream leads
  T('change the first goal', 'workstream-lead', 'section.open', { section: 'visionAndGoals', step: 1 }),
  H('update workstream 2', 'workstream-lead', 'update', { workstreamId: 'ws-2' }),
  H('ws2 update', 'workstream-lead', 'update', { workstreamId: 'ws-2' }),
  H('post the EHCP timeliness update', 'workstream-lead', 'update', { workstreamId: 'ws-3' }),
  H('I need to post my Q3 update for workstream 1a', 'workstream-lead', 'update', { workstreamId: 'ws-1a', quarter: '2026-Q3' }),
  H('post an update for ws 1 for last quarter', 'workstream-lead', 'update', { workstreamId: 'ws-1', quarter: '2026-Q2' }),
  H('update the commissioning workstream', 'workstream-lead', 'update', { workstreamId: 'ws-2' }),
  H('i want to report progress on the EAHO workstream', 'workstream-lead', 'update', { workstreamId: 'ws-1a' }),
  H('post my milestone progress', 'workstream-lead', 'update'),
  H('what tasks have I got', 'workstream-lead', 'tasks'),
  H('what have I been asked to do', 'workstream-lead', 'tasks'),
  H("what's assigned to me please", 'workstream-lead', 'tasks'),
  H('record spend for this quarter', 'workstream-lead', 'spend', { quarter: '2026-Q3' }),
  H('enter our actual spending', 'workstream-lead', 'spend'),
  H('edit the second goal', 'workstream-lead', 'section.open', { section: 'visionAndGoals', step: 1 }),
  H('open the delivery plan section', 'workstream-lead', 'section.open', { section: 'deliveryPlan' }),
  H('i want to edit the monitoring section', 'workstream-lead', 'section.open', { section: 'monitoring' }),
  H('suggest how we could mitigate the risk about specialist places and travel costs', 'workstream-lead', 'assist.mitigation'),
  H('summarise the updates for ws2', 'workstream-lead', 'assist.summarise', { workstreamId: 'ws-2' }),
  H('add a new risk', 'workstream-lead', 'risks'),
  H('are there any red risks', 'workstream-lead', 'risks', { rag: 'Red' }),
  H('show the risk log', 'workstream-lead', 'risks'),
  H('can i see the list of dependencies', 'workstream-lead', 'dependencies'),
  H('plese show me the rsik register', 'workstream-lead', 'risks'),
  // Signatories
  T('approve', 'signatory', 'signoff.approve'),
  H('I approve the plan', 'signatory', 'signoff.approve'),
  H('happy to approve', 'signatory', 'signoff.approve'),
  H('i would like to sign the plan off', 'signatory', 'signoff.approve'),
  H('where is the plan I need to sign', 'signatory', 'signoff.approve'),
  H('I want to decline it', 'signatory', 'signoff.decline'),
  H('i do not want to approve this version', 'signatory', 'signoff.decline'),
  H('has everyone else signed', 'signatory', 'signoff.status'),
  H('who else still needs to sign', 'signatory', 'signoff.status'),
  H('is the plan ready for me to sign', 'signatory', 'check'),
  H('send me the plan as a word document', 'signatory', 'export'),
  H('can i download annex a', 'signatory', 'export'),
  H('give me an overview of the plan', 'signatory', 'status'),
  H('show me the executive summary', 'signatory', 'section.open', { section: 'executiveSummary' }),
  T('show me the risks section', 'signatory', 'section.open', { section: 'risks' }),
  // Parent Carer Forum
  T('I want to give feedback about EHCP delays', 'pcf-rep', 'feedback.give', { theme: 'ehcp-timeliness', said: 'EHCP delays' }),
  H('parents say EHCPs take too long', 'pcf-rep', 'feedback.give', { theme: 'ehcp-timeliness', said: 'parents say EHCPs take too long' }),
  H('families tell us school transport is unreliable', 'pcf-rep', 'feedback.give', { theme: 'specialist-places-and-travel' }),
  H('parents feel schools are not inclusive enough', 'pcf-rep', 'feedback.give', { theme: 'inclusion-in-schools' }),
  H('a parent told me nobody answers their emails', 'pcf-rep', 'feedback.give', { theme: 'communication' }),
  H('i have some feedback from the forum about speech therapy', 'pcf-rep', 'feedback.give', { theme: 'experts-at-hand' }),
  H('please could I submit feedback', 'pcf-rep', 'feedback.give'),
  H('parents are saying annual reviews are late', 'pcf-rep', 'feedback.give', { theme: 'ehcp-timeliness' }),
  H('has my feedback had an answer yet', 'pcf-rep', 'feedback.list'),
  H('show me the you said we did log', 'pcf-rep', 'feedback.list'),
  H('what has been done about our feedback', 'pcf-rep', 'feedback.list'),
  H('how far has the plan got', 'pcf-rep', 'status'),
  T('rewrite this answer in plain English for families', 'pcf-rep', 'assist.plain'),
  H('can you put this in plain english please', 'pcf-rep', 'assist.plain'),
  H('make this easier for parents to understand', 'pcf-rep', 'assist.plain'),
  // Children and young people's forum
  H('young people told us they are not listened to', 'cyp-rep', 'feedback.give'),
  H('the young people say they want more say in their plans', 'cyp-rep', 'feedback.give'),
  H('i want to share feedback from young people', 'cyp-rep', 'feedback.give'),
  H('show me what young people said and the answers', 'cyp-rep', 'feedback.list'),
  T('what can i do here', 'cyp-rep', 'help'),
  // Contributors
  H('which sections have been given to me', 'contributor', 'tasks'),
  H('what do I need to write', 'contributor', 'tasks'),
  H('let me see all the sections', 'contributor', 'sections'),
  H('i want to fill in part of the plan', 'contributor', 'sections'),
  H('open the engagement section', 'contributor', 'section.open', { section: 'engagement' }),
  H('the funding bit', 'contributor', 'section.open', { section: 'otherFunding' }),
  H('how do I use this bot', 'contributor', 'help'),
  H('help me please', 'contributor', 'help'),
  // Viewers
  H('how is the plan coming along', 'viewer', 'status'),
  H('show me the whole plan please', 'viewer', 'sections'),
  H('which risks are green', 'viewer', 'risks', { rag: 'Green' }),
  H('show me the theory of change', 'viewer', 'section.open', { section: 'theoryOfChange' }),
  H('what can you help me with', 'viewer', 'help'),
  H('what changed recently', 'viewer', 'history'),
  // Nothing to do with the plan
  H('tell me a funny joke', 'viewer', 'outofscope'),
  H('flibble wobble', 'sro', 'none'),
];
