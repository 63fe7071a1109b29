import { z } from 'zod';
import { SignatoryRole } from '../../domain/plan.schema';

const RoundId = z.string().regex(/^[a-z0-9-]{1,80}$/i);
export const SignOffSendData = z.object({ version: z.coerce.number().int().min(1) });
export const SignOffDecisionData = z.object({ round: RoundId, role: SignatoryRole, version: z.coerce.number().int().min(1) });
export const SignOffRefreshData = z.object({ round: RoundId, role: SignatoryRole, person: z.string().max(64) });
export const SignOffResendData = z.object({ person: z.string().max(64) });
export const SignOffQuestionData = z.object({ question: z.string().regex(/^q-[a-f0-9]{32}$/) });
