/**
 * How Node runs the bot in production (Docker, App Service, npm start, and the benchmark).
 * The bot's live heap is about 70 MB; left alone, V8 lets the heap grow to several times that
 * between collections under load. Capped, it collects sooner and the process stays under
 * 200 MB; the Word plan, the charted highlight report and the Excel data return are made well
 * inside the cap (measured in the issue 13 note). test/node-options.test.ts keeps the copies in
 * the Dockerfile, the Bicep and package.json the same as this one.
 */
export const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=128 --max-semi-space-size=8';
