import { normalise } from './normalise';

/** An id made from words ("EHCP hub funding" is ehcp-hub-funding), none of `taken`: rows added from Word need one. */
export const freshId = (words: string, taken: ReadonlySet<string>): string => {
  const base =
    normalise(words)
      .toLowerCase()
      .replace(/['"]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'item';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
};
