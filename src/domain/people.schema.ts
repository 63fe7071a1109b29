import { z } from 'zod';
import { Id, LIMITS, SignatoryRole } from './plan.schema';

/** What a person may do is decided by the roles the partnership gives them on its roster. */
export const RoleGrant = z.discriminatedUnion('role', [
  z.object({ role: z.literal('sro') }),
  z.object({ role: z.literal('workstream-lead'), workstreams: z.array(Id).min(1).max(30) }),
  z.object({ role: z.literal('signatory'), signatoryRole: SignatoryRole }),
  z.object({ role: z.literal('pcf-rep') }),
  z.object({ role: z.literal('cyp-rep') }),
  z.object({ role: z.literal('contributor') }),
  z.object({ role: z.literal('viewer') }),
]);
export type RoleGrant = z.infer<typeof RoleGrant>;
export type RoleName = RoleGrant['role'];

export const Person = z.object({
  /** The Microsoft Entra object id Teams sends as `from.aadObjectId`. */
  id: z.string().trim().min(1).max(LIMITS.id),
  name: z.string().trim().min(1).max(LIMITS.short),
  email: z.string().email().max(LIMITS.short).nullable(),
  roles: z.array(RoleGrant).min(1).max(20),
});
export type Person = z.infer<typeof Person>;

export const Roster = z
  .object({ people: z.array(Person).max(5_000) })
  .superRefine((roster, ctx) => {
    const seen = new Set<string>();
    roster.people.forEach((person, i) => {
      if (seen.has(person.id)) ctx.addIssue({ code: 'custom', path: ['people', i, 'id'], message: `Duplicate person id "${person.id}"` });
      seen.add(person.id);
    });
  });
export type Roster = z.infer<typeof Roster>;

export const ROLE_LABELS: Record<RoleName, string> = {
  sro: 'Senior Responsible Officer',
  'workstream-lead': 'Workstream lead',
  signatory: 'Signatory',
  'pcf-rep': 'Parent Carer Forum representative',
  'cyp-rep': "Children and young people's forum representative",
  contributor: 'Contributor',
  viewer: 'Viewer',
};

export const hasRole = (person: Person, role: RoleName): boolean => person.roles.some((r) => r.role === role);

/** Anyone but a viewer may contribute to the draft; finer rules belong to each journey. */
export const canEditPlan = (person: Person): boolean => person.roles.some((r) => r.role !== 'viewer');
