import { ConfigError } from './config';
import { isDomainError } from './domain/errors';

/**
 * What a person starting the bot or the command line is told when it cannot go on: one line
 * that says what to do. Only a fault nobody foresaw keeps its stack trace, for whoever fixes it.
 */
export const oneLineError = (error: unknown, context: { readonly port?: number; readonly host?: string } = {}): string => {
  if (error instanceof ConfigError || isDomainError(error)) return error.message;
  const e = error as NodeJS.ErrnoException & { address?: string; port?: number };
  const where = `${e.address ?? context.host ?? 'localhost'}:${e.port ?? context.port ?? ''}`.replace(/:$/, '');
  switch (e?.code) {
    case 'EADDRINUSE':
      return `Port ${e.port ?? context.port} is already in use (${where}): stop whatever is using it, or set PORT to a free port.`;
    case 'EACCES':
      return e.syscall === 'listen' ? `Not allowed to listen on ${where}: set PORT to a port above 1024.` : `Not allowed to ${e.syscall ?? 'open'} ${e.path ?? 'that file'}: check its permissions.`;
    case 'EISDIR':
      return `${e.path ?? 'That path'} is a folder: give a file name.`;
    case 'ENOENT':
      return `There is no ${e.path ?? 'such file or folder'}.`;
    case 'ENOSPC':
      return 'The disk is full: nothing was written.';
    default:
      return (e as Error)?.stack ?? String(error);
  }
};
