/**
 * npm run bench: the bot over HTTP beside a bare botbuilder echo bot (bench/http.bench.ts).
 * npm run bench -- --in-process: the everyday operations called directly (bench/in-process.bench.ts).
 * npm run bench -- --language [validation|test]: first answers right on the blind sets (bench/language.score.ts).
 * npm run bench -- --word-import [dev|held-out|DIR] [--misses]: partnerships' own Word plans, written blind, imported into a blank plan (bench/word-import.score.ts).
 * npm run bench -- --round-trips: statements sent to the database for one update submission, on each database (bench/round-trips.bench.ts).
 * npm run bench -- --documents: peak heap of the largest documents under the production heap cap (bench/documents.bench.ts).
 * Figures go into issue notes; no unit test times anything.
 */
import { httpBench } from './http.bench';
import { documentsBench } from './documents.bench';
import { inProcessBench } from './in-process.bench';
import { languageScore } from './language.score';
import { wordImportScore } from './word-import.score';
import { roundTrips } from './round-trips.bench';

const main = async () => {
  if (process.argv.includes('--documents')) await documentsBench();
  else if (process.argv.includes('--language')) await languageScore(process.argv.slice(2));
  else if (process.argv.includes('--round-trips')) process.stdout.write(`${(await roundTrips()).join('\n')}\n`);
  else if (process.argv.includes('--word-import')) wordImportScore(process.argv.slice(2));
  else if (process.argv.includes('--in-process')) await inProcessBench();
  else await httpBench();
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
