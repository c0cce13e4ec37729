// JSON logs with pino. Every process (web, workers, sandbox) logs through this.
import pino from 'pino';
import { env } from './env';

export const log = pino({
  level: env().LOG_LEVEL,
  base: { service: process.env.SIGNPOST_SERVICE ?? 'web' },
  redact: ['credentials', '*.credentials', 'password', '*.password', 'token', '*.token'],
});
export type Logger = pino.Logger;
