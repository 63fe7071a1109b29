import type { SignatoryRole } from '../../domain/plan.schema';
import type { RequestState, RoundState } from '../../domain/sign-off.machine';
import type { ChangeMeta } from './plan.port';

export interface SignOffRound {
  readonly id: string;
  readonly planId: string;
  readonly planVersion: number;
  /** SHA-256 of the compiled plan that was sent: what every signature refers to. The text itself is the issued document with this hash. */
  readonly planHash: string;
  /** Unguessable part of the link to the compiled plan as sent. */
  readonly token: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly status: RoundState;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
}

export interface SignOffRequest {
  readonly roundId: string;
  readonly role: SignatoryRole;
  readonly personId: string;
  readonly name: string;
  readonly email: string | null;
  /** One of the five statutory roles, rather than an optional co-signer. */
  readonly required: boolean;
  readonly state: RequestState;
  readonly decidedAt: string | null;
  readonly reason: string | null;
  readonly remindersSent: number;
  readonly lastRemindedAt: string | null;
  /** When a card for this request first reached them: null while it never has. */
  readonly deliveredAt?: string | null;
}

export interface RoundWithRequests {
  readonly round: SignOffRound;
  readonly requests: readonly SignOffRequest[];
}

/** A signatory's question to the SRO about a round, with the SRO's answer once given. */
export interface SignOffQuestion {
  readonly id: string;
  readonly roundId: string;
  readonly role: SignatoryRole;
  readonly personId: string;
  readonly askerName: string;
  readonly askedAt: string;
  readonly question: string;
  readonly answer: SignOffAnswer | null;
}

export interface SignOffAnswer {
  readonly byId: string;
  readonly byName: string;
  readonly at: string;
  readonly text: string;
  /** The request that answered: the same request again is a retry, not a second answer. */
  readonly requestId: string | null;
}

export interface SignOffRepository {
  createRound(round: SignOffRound, requests: readonly SignOffRequest[], meta: ChangeMeta): Promise<void>;
  loadRound(id: string): Promise<RoundWithRequests | null>;
  findRoundByToken(token: string): Promise<SignOffRound | null>;
  listRounds(planId: string): Promise<SignOffRound[]>;
  /** Moves a request on only if it is still in `from`; false when someone got there first. */
  updateRequest(roundId: string, role: string, personId: string, from: RequestState, change: Partial<Pick<SignOffRequest, 'state' | 'decidedAt' | 'reason'>>, meta: ChangeMeta): Promise<boolean>;
  noteReminder(roundId: string, role: string, personId: string, at: string): Promise<void>;
  /** Records the first time a card for the request reached them; later calls change nothing. */
  noteDelivery(roundId: string, role: string, personId: string, at: string): Promise<void>;
  /** Keeps a question; an id seen before returns the stored one, so a retried question adds nothing. */
  addQuestion(question: Omit<SignOffQuestion, 'answer'>, meta: ChangeMeta): Promise<SignOffQuestion>;
  loadQuestion(id: string): Promise<SignOffQuestion | null>;
  /** A round's questions, oldest first. */
  listQuestions(roundId: string): Promise<SignOffQuestion[]>;
  /** Answers a question only if it has no answer yet; false when it had one. */
  answerQuestion(id: string, answer: SignOffAnswer, meta: ChangeMeta): Promise<boolean>;
  /** Moves a round on only if it is still in `from`. */
  updateRound(id: string, from: RoundState, change: Pick<SignOffRound, 'status' | 'closedAt' | 'closeReason'>, meta: ChangeMeta): Promise<boolean>;
}
