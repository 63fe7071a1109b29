import { DomainError } from '../domain/errors';
import { hasRole, type Person } from '../domain/people.schema';
import { quarterWords } from '../domain/quarters';
import type { ChannelPost, TeamDirectory } from './partnership-team.port';
import type { Store } from './ports';
import type { ReportService } from './report.service';
import { roleTitle, type SignOffService } from './sign-off.service';

export type ChannelPostOutcome = { readonly status: 'sent' | 'already-sent' | 'sending'; readonly teamName: string };

/**
 * The SRO's explicit posts to the partnership's team channel: the quarter's highlight report in
 * outline, and "the plan is signed". Built here from counts and titles only, so nothing personal
 * can reach a channel; a retried click posts once.
 */
export class ChannelPostService {
  constructor(
    private readonly store: Store,
    private readonly directory: TeamDirectory | null,
    private readonly reports: ReportService,
    private readonly signOff: SignOffService,
  ) {}

  /** Whether the SRO's cards offer "Post to the team channel": an SRO, with a confirmed team to post to. */
  async canPost(person: Person): Promise<boolean> {
    return hasRole(person, 'sro') && this.directory !== null && (await this.store.listTeams()).length > 0;
  }

  async postReport(sro: Person, quarterId: string | undefined, requestId: string): Promise<ChannelPostOutcome> {
    this.mustBeSro(sro);
    const { report } = await this.reports.report(quarterId);
    const count = (kind: string) => report.riskEvents.filter((e) => e.kind === kind).length;
    return this.post(sro, requestId, {
      kind: 'highlight-report',
      quarterLabel: quarterWords(report.quarter),
      workstreams: report.workstreams.map((w) => ({
        label: `${w.workstream.code}: ${w.workstream.name}`,
        posted: w.update !== null,
        green: w.ragCounts.Green,
        amber: w.ragCounts.Amber,
        red: w.ragCounts.Red,
        unrated: w.ragCounts.none,
      })),
      risks: { opened: count('opened'), rescored: count('re-scored'), closed: count('closed') },
    });
  }

  async postSigned(sro: Person, requestId: string): Promise<ChannelPostOutcome> {
    this.mustBeSro(sro);
    const latest = await this.signOff.latest();
    if (!latest || latest.round.status !== 'signed') throw new DomainError('INPUT.INVALID', 'The plan is not signed off yet, so there is nothing to announce.');
    const { round, requests } = latest;
    return this.post(sro, requestId, {
      kind: 'plan-signed',
      version: round.planVersion,
      signedOn: (round.closedAt ?? round.requestedAt).slice(0, 10),
      hashPrefix: round.planHash.slice(0, 16),
      signatories: requests.filter((r) => r.state === 'signed').map((r) => ({ roleTitle: roleTitle(r.role), name: r.name })),
    });
  }

  private async post(sro: Person, requestId: string, post: ChannelPost): Promise<ChannelPostOutcome> {
    const team = (await this.store.listTeams())[0];
    if (!team || !this.directory) throw new DomainError('TEAM.NOT_INSTALLED', 'The app is not in the partnership’s team yet.');
    const id = `channel:${requestId}`.slice(0, 120);
    const claim = await this.store.claimChannelPost({ id, teamId: team.id, kind: post.kind, postedBy: sro.id });
    if (claim !== 'claimed') return { status: claim === 'sent' ? 'already-sent' : 'sending', teamName: team.name };
    try {
      await this.directory.postToChannel(team, post);
    } catch (error) {
      await this.store.markChannelPost(id, { status: 'failed', error: (error as Error)?.message ?? 'failed' });
      throw error;
    }
    await this.store.markChannelPost(id, { status: 'sent' });
    return { status: 'sent', teamName: team.name };
  }

  private mustBeSro(person: Person): void {
    if (!hasRole(person, 'sro')) throw new DomainError('AUTH.FORBIDDEN', "Only the plan's Senior Responsible Officer posts to the partnership's team.");
  }
}
