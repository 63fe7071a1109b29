import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time used by processes, read from /proc (Linux): how much of the machine a round cost each
 * side, so a ratio of latencies can be told apart into the bot's own work and the database's.
 * Elsewhere it reads 0 and the bench prints no CPU column.
 */
const TICKS_PER_SECOND = 100;

const ticksOf = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) in brackets: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
};

/** Every process named `postgres` on the machine: the server and its backends. */
const postgresPids = (): number[] => {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
};

export interface CpuMark {
  readonly ticks: ReadonlyMap<number, number>;
}

/** A mark of the given processes (and, with `postgres`, every PostgreSQL process) to measure from. */
export const markCpu = (pids: readonly (number | undefined)[], postgres = false): CpuMark => {
  const all = [...pids.filter((p): p is number => p !== undefined), ...(postgres ? postgresPids() : [])];
  return { ticks: new Map(all.map((pid) => [pid, ticksOf(pid)])) };
};

/**
 * CPU milliseconds the processes used since `mark`: a process gone since counts nothing after its
 * last reading, and one started since (a new PostgreSQL backend) counts from zero.
 */
export const cpuSince = (mark: CpuMark, pids: readonly (number | undefined)[], postgres = false): number => {
  const now = markCpu(pids, postgres);
  let ticks = 0;
  for (const [pid, t] of now.ticks) ticks += t - (mark.ticks.get(pid) ?? 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
};
