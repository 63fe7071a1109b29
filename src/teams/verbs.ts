/** Every Action.Execute verb the bot answers. Card data carries a verb and ids, never values to trust. */
export const VERBS = {
  showStatus: 'plan.status.show',
  sections: 'sections.show',
  open: 'section.open',
  back: 'section.back',
  next: 'section.next',
  save: 'section.save',
  submit: 'section.submit',
  discard: 'section.discard',
  rebase: 'section.rebase',
  rowOpen: 'row.open',
  rowSave: 'row.save',
  rowRemove: 'row.remove',
  assignForm: 'section.assign.form',
  assign: 'section.assign',
  tasks: 'tasks.show',
  check: 'check.show',
  group: 'check.group',
  requirementForm: 'requirement.form',
  requirementSave: 'requirement.save',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
