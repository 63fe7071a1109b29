/**
 * How Node runs the bot in production (Docker, App Service, npm start, and the benchmark).
 * The bot's live heap is about 65 MB; left alone, V8 lets the heap grow to several times that
 * between collections under load, so it is capped. The cap is chosen from the largest documents
 * the bot makes in its own process (`npm run bench -- --documents`, figures in the issue 19 note):
 * a plan 10x the demo's and a report of 300 updates and 150 risks each need about 145 MB of heap;
 * at 128 MB they were made only just (0-8 MB from dying), at 192 MB with a third to spare. Word
 * files are made one at a time, and one too large for the cap is refused with a message
 * (export/document-file.ts). test/node-options.test.ts keeps the copies in the Dockerfile, the
 * Bicep and package.json the same as this one.
 */
export const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=192 --max-semi-space-size=8';
