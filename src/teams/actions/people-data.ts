import { z } from 'zod';

/** A person's roster id (an Entra object id, or a demo id): what a people card may carry. */
const PersonId = z.string().trim().min(1).max(200);
export const PeoplePageData = z.object({ page: z.coerce.number().int().min(0).max(1000).optional() });
export const PersonData = z.object({ person: PersonId });
/** The version the card showed: 0 for someone not yet on the roster. */
export const PersonVersionData = PersonData.extend({ version: z.coerce.number().int().min(0).max(1_000_000) });
export const ChannelReportData = z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/).optional() });
