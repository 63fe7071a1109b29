import type { IntentName } from '../../app/understanding.port';

/** Opening a section by name or number, and asking for drafting help. */
export const PLAN_CORPUS: Partial<Record<IntentName, readonly string[]>> = {
  'section.open': [
    'show me the section', 'open section', 'the section bit', 'section', 'go to section', 'change the first goal', 'edit the goals', 'change a goal',
    'open the governance section', 'show me the risks section', 'the risks bit', 'edit the vision', 'take me to section', 'i want to change section',
    'open the executive summary', 'show the roadmap', 'edit the delivery plan', 'fill in section', 'the governance bit', 'look at section', 'change the second goal',
    'open question', 'show me question', 'i want to edit the engagement section', 'the monitoring part', 'go to the dependencies section', 'open the theory of change',
  ],
  'assist.draft': [
    'draft the executive summary from the plan', 'draft section', 'write a first draft of the section', 'can you draft the section for me', 'write the executive summary',
    'draft the vision', 'help me write the section', 'suggest wording for the section', 'draft it for me', 'write a draft of the governance section', 'compose the summary from the plan',
  ],
  'assist.summarise': [
    'summarise the updates for workstream', 'summarise this quarter updates for workstream', 'summarize the updates', 'summary of the updates this quarter',
    'sum up the progress for workstream', 'give me a summary of the workstream updates', 'summarise what the leads said this quarter', 'condense the updates for quarter',
    'summarise updates', 'a short summary of workstream progress',
  ],
  'assist.mitigation': [
    'suggest a mitigation for the risk', 'how could we mitigate the risk', 'ideas to mitigate', 'suggest mitigations', 'what mitigation would you suggest',
    'help me write a mitigation', 'mitigation ideas for the capacity risk', 'how do we reduce the risk', 'propose a mitigation', 'suggest how to mitigate the workforce risk',
  ],
  'assist.plain': [
    'rewrite this answer in plain english for families', 'plain english', 'make this easier to read', 'simplify this for parents', 'rewrite in plain language',
    'say this more simply', 'translate the jargon for families', 'make it family friendly', 'rewrite this so parents understand', 'plain english version',
  ],
};
