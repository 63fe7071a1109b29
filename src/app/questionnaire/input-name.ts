/**
 * A card input that holds a person's answer is named `f.<path>`: it can never be mistaken for one of
 * the ids a card's data carries (a verb, a section, a version), which are the only things trusted.
 */
const PREFIX = 'f.';

export const inputName = (path: string): string => `${PREFIX}${path}`;

/** What a card sent for one answer: only ever treated as typed text. */
export const inputValue = (values: Readonly<Record<string, unknown>>, path: string): unknown => values[inputName(path)];

export const isInputName = (key: string): boolean => key.startsWith(PREFIX);

/** A form's answers, named as its inputs are: for filling a card in again with what was typed. */
export const asInputs = (answers: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(answers).map(([path, value]) => [inputName(path), value]));
