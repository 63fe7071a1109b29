import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from './config';

/**
 * Reads the settings in `.env` (in the folder the command is started from) into process.env, so
 * `npm start`, `npm run dev`, `npm run plan`, `npm run package` and `node dist/src/index.js` all
 * see them. A variable already set in the environment wins, even when set to nothing: Node's
 * loadEnvFile never overrides one. No file, no change. Returns the file read, if any.
 *
 * Each program calls this first thing when it runs as a program, never on import, so tests that
 * import a program's functions never pick up someone's .env.
 */
export const loadEnvFile = (file: string = resolve('.env')): string | undefined => {
  if (!existsSync(file)) return undefined;
  try {
    process.loadEnvFile(file);
  } catch (error) {
    throw new ConfigError([`${file}: cannot be read as a settings file (${(error as Error).message})`]);
  }
  return file;
};
