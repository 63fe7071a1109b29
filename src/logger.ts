import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/**
 * An error as a log line carries what it is, never what it holds: a DomainError's details may
 * name people (an SRO's name and email), so only its type, code, message and stack are kept,
 * and the stack stays inside the one JSON line.
 */
const errorSerializer = (value: unknown): unknown => {
  if (!(value instanceof Error)) return value === undefined || value === null ? value : { message: String(value) };
  const code = (value as { code?: unknown }).code;
  return { type: value.name, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}), message: value.message, stack: value.stack };
};

export const createLogger = (config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger =>
  pino(
    {
      level: config.logLevel,
      base: { service: 'send-plan-bot' },
      redact: ['*.password', '*.MICROSOFT_APP_PASSWORD', '*.email', '*.name', 'req.headers.authorization'],
      serializers: { err: errorSerializer, error: errorSerializer },
    },
    ...(destination ? [destination] : []),
  );

/**
 * botbuilder reports through console.error / console.warn (multi-line stack traces, not JSON).
 * Route the console into the logger, so every event is one JSON line.
 */
export const routeConsoleTo = (logger: Logger): void => {
  const toLog = (level: 'error' | 'warn' | 'info') => (...args: unknown[]) => {
    const err = args.find((a) => a instanceof Error);
    const text = args
      .filter((a) => a !== err)
      .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
      .join(' ');
    logger[level]({ ...(err ? { err } : {}), source: 'console' }, text || (err as Error | undefined)?.message || 'console');
  };
  console.error = toLog('error');
  console.warn = toLog('warn');
  console.log = toLog('info');
  console.info = toLog('info');
};
