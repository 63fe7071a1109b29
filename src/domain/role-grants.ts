import { z } from 'zod';
import { RoleGrant, type Person } from './people.schema';
import { SignatoryRole } from './plan.schema';

/** The roles a person holds, as the people card asks for them: plain roles, a signatory role, workstreams led. */
export interface RoleChoices {
  readonly plain: readonly ('sro' | 'pcf-rep' | 'cyp-rep' | 'contributor' | 'viewer')[];
  readonly signatoryRole: SignatoryRole | null;
  readonly workstreams: readonly string[];
}

export const PLAIN_ROLES = ['sro', 'pcf-rep', 'cyp-rep', 'contributor', 'viewer'] as const;

/** A multi-select choice arrives as "a,b,c"; anything else is treated as nothing chosen. */
const commaList = z
  .unknown()
  .transform((v) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : []));

/**
 * What a people card sent, checked: only roles that exist, workstreams of this plan, one signatory
 * role. Returns the problems by field instead of guessing.
 */
export const roleChoicesFrom = (
  values: Readonly<Record<string, unknown>>,
  workstreamIds: readonly string[],
): { ok: true; choices: RoleChoices } | { ok: false; fields: Record<string, string> } => {
  const fields: Record<string, string> = {};
  const plain = commaList.parse(values.roles);
  const unknownRole = plain.find((r) => !(PLAIN_ROLES as readonly string[]).includes(r));
  if (unknownRole !== undefined) fields.roles = 'Choose roles from the list.';
  const workstreams = [...new Set(commaList.parse(values.workstreams))];
  if (workstreams.some((w) => !workstreamIds.includes(w))) fields.workstreams = 'Choose workstreams from the list.';
  if (workstreams.length > 30) fields.workstreams = 'Choose at most 30 workstreams.';
  const rawSignatory = typeof values.signatoryRole === 'string' && values.signatoryRole.trim() !== 'none' ? values.signatoryRole.trim() : '';
  const signatory = rawSignatory ? SignatoryRole.safeParse(rawSignatory) : null;
  if (signatory && !signatory.success) fields.signatoryRole = 'Choose a signatory role from the list.';
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, choices: { plain: plain as RoleChoices['plain'], signatoryRole: signatory?.success ? signatory.data : null, workstreams } };
};

/** The grants a person's record keeps, in a fixed order, so the same choices always store the same roles. */
export const grantsOf = (choices: RoleChoices): RoleGrant[] => [
  ...PLAIN_ROLES.filter((r) => r === 'sro' && choices.plain.includes(r)).map((role) => RoleGrant.parse({ role })),
  ...(choices.workstreams.length ? [RoleGrant.parse({ role: 'workstream-lead', workstreams: choices.workstreams })] : []),
  ...(choices.signatoryRole ? [RoleGrant.parse({ role: 'signatory', signatoryRole: choices.signatoryRole })] : []),
  ...PLAIN_ROLES.filter((r) => r !== 'sro' && choices.plain.includes(r)).map((role) => RoleGrant.parse({ role })),
];

/** The choices a person's current roles amount to: what the card shows before anything is changed. */
export const choicesOf = (person: Pick<Person, 'roles'>): RoleChoices => ({
  plain: PLAIN_ROLES.filter((r) => person.roles.some((g) => g.role === r)),
  signatoryRole: person.roles.flatMap((g) => (g.role === 'signatory' ? [g.signatoryRole] : []))[0] ?? null,
  workstreams: [...new Set(person.roles.flatMap((g) => (g.role === 'workstream-lead' ? g.workstreams : [])))],
});
