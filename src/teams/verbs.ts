/** Every Action.Execute verb the bot answers. Card data carries a verb and ids, never values to trust. */
export const VERBS = {
  showStatus: 'plan.status.show',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
