import { DomainError } from '../domain/errors';

/**
 * Why a database could not be opened, in one line that says what to change. The address is
 * named without its password.
 */
export const databaseUnavailable = (error: unknown, databaseUrl: string): unknown => {
  if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) return error;
  const e = error as { code?: string; message?: string };
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return new DomainError('STORE.UNAVAILABLE', 'DATABASE_URL is not a valid PostgreSQL address: use postgres://user:password@host:5432/database');
  }
  const server = `${url.hostname}:${url.port || 5432}`;
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || url.username;
  const user = decodeURIComponent(url.username);
  const words: Record<string, string> = {
    ECONNREFUSED: `Cannot reach the PostgreSQL server at ${server} (connection refused): check DATABASE_URL and that the server is running.`,
    ENOTFOUND: `There is no host called ${url.hostname} for the PostgreSQL server: check DATABASE_URL.`,
    EAI_AGAIN: `The host ${url.hostname} for the PostgreSQL server could not be looked up just now: check DATABASE_URL and the network.`,
    ETIMEDOUT: `The PostgreSQL server at ${server} did not answer in time: check DATABASE_URL, the network and any firewall.`,
    '28P01': `The PostgreSQL server at ${server} refused the password for "${user}": check DATABASE_URL.`,
    '28000': `The PostgreSQL server at ${server} does not let "${user}" connect: check DATABASE_URL, or the server's pg_hba.conf or firewall rules.`,
    '3D000': `There is no database "${database}" on the PostgreSQL server at ${server}: create it (createdb ${database}) or correct DATABASE_URL.`,
  };
  const known = e?.code ? words[e.code] : undefined;
  if (known) return new DomainError('STORE.UNAVAILABLE', known);
  if (/timeout/i.test(e?.message ?? '')) return new DomainError('STORE.UNAVAILABLE', words.ETIMEDOUT!);
  return error;
};
