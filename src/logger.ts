import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

export const createLogger = (config: Pick<Config, 'logLevel'>): Logger =>
  pino({ level: config.logLevel, base: { service: 'send-plan-bot' }, redact: ['*.password', '*.MICROSOFT_APP_PASSWORD'] });
