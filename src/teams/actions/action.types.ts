import type { z } from 'zod';
import type { Person } from '../../domain/people.schema';
import type { AdaptiveCardJson } from '../cards';
import type { Screens, Services } from '../screens';
import type { Verb } from '../verbs';

export interface ActionContext {
  readonly person: Person;
  /** Everything the card sent: our ids plus the inputs, which are only ever treated as typed text. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The activity id: a retried request carries the same one, so writes happen once. */
  readonly requestId: string;
  /** The person's Teams user id (from.id), for cards that refresh to their own view. */
  readonly teamsUserId: string | undefined;
  readonly services: Services;
  readonly screens: Screens;
}

export interface CardAction<T, V extends Verb = Verb> {
  readonly verb: V;
  readonly data: z.ZodType<T, z.ZodTypeDef, unknown>;
  run(ctx: ActionContext, data: T): Promise<AdaptiveCardJson>;
}

/** A card action whatever its data, as the registry keeps it: the bot parses with `data` before `run`. */
export interface RegisteredAction<V extends Verb = Verb> {
  readonly verb: V;
  readonly data: z.ZodTypeAny;
  run(ctx: ActionContext, data: never): Promise<AdaptiveCardJson>;
}

export const defineAction = <T, V extends Verb>(action: CardAction<T, V>): CardAction<T, V> => action;
