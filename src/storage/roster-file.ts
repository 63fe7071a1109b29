import { readFileSync } from 'node:fs';
import { DomainError } from '../domain/errors';
import { Roster, type Person } from '../domain/people.schema';

/** Reads the roster file (see docs/roster.md); a mistake names the line's path, e.g. people.2.roles.0. */
export const readRosterFile = (path: string): Person[] => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DomainError('ROSTER.INVALID', `Cannot read the roster file ${path}: ${(error as Error).message}`, { path });
  }
  const parsed = Roster.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new DomainError('ROSTER.INVALID', `The roster file ${path} has mistakes:\n${problems.join('\n')}`, { path, problems });
  }
  return parsed.data.people;
};
