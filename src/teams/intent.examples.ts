import type { IntentName, UnderstoodEntities } from '../app/understanding.port';
import type { Person, RoleName } from '../domain/people.schema';

/** Something a person could type, and what it does: a button on the help and "not recognised" cards runs it. */
export interface IntentExample {
  readonly text: string;
  readonly intent: IntentName;
  readonly entities?: UnderstoodEntities;
}

const E = (text: string, intent: IntentName, entities?: UnderstoodEntities): IntentExample => ({ text, intent, entities });

/** Per role, what that role does most; someone with several roles gets their first roles' examples first. */
export const ROLE_EXAMPLES: Record<RoleName, readonly IntentExample[]> = {
  sro: [E("Who hasn't signed?", 'signoff.status'), E('Send the plan to the signatories', 'signoff.start'), E('Which risks are red?', 'risks', { rag: 'Red' }), E("This quarter's highlight report", 'report'), E('Are we ready for sign-off?', 'check')],
  'workstream-lead': [E('Post my update', 'update'), E('My tasks', 'tasks'), E('Which risks are red?', 'risks', { rag: 'Red' }), E('Record actual spend', 'spend'), E('Change the first goal', 'section.open', { section: 'visionAndGoals', step: 1 })],
  signatory: [E('Approve', 'signoff.approve'), E('Who has signed?', 'signoff.status'), E('Is the plan ready?', 'check'), E('The plan in Word', 'export')],
  'pcf-rep': [E('Give feedback', 'feedback.give'), E('You said, we did', 'feedback.list'), E('Plan status', 'status'), E('My tasks', 'tasks')],
  'cyp-rep': [E('Give feedback', 'feedback.give'), E('You said, we did', 'feedback.list'), E('Plan status', 'status'), E('My tasks', 'tasks')],
  contributor: [E('My tasks', 'tasks'), E('Show me the plan', 'sections'), E('Plan status', 'status'), E('Which risks are red?', 'risks', { rag: 'Red' })],
  viewer: [E('Plan status', 'status'), E('Show me the plan', 'sections'), E('Which risks are red?', 'risks', { rag: 'Red' }), E('You said, we did', 'feedback.list')],
};

export const examplesFor = (person: Person, most = 5): IntentExample[] => {
  const seen = new Set<string>();
  const out: IntentExample[] = [];
  for (const grant of person.roles) {
    for (const e of ROLE_EXAMPLES[grant.role]) {
      if (seen.has(e.text) || out.length >= most) continue;
      seen.add(e.text);
      out.push(e);
    }
  }
  return out;
};
