// `npm run sandbox`: the platform sandbox on its own, for development and demos.
import pino from 'pino';
import { z } from 'zod';
import { SANDBOX_PORT_COUNT } from '@/lib/platforms/base-urls';
import { createSandbox } from './server';
import { keepStateFile } from './state-file';

const Env = z.object({
  // The control surface's port; the platforms take the ports after it.
  SANDBOX_PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65_536 - SANDBOX_PORT_COUNT)
    .default(4010),
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  // The mail catcher's SMTP port (SMTP_URL points the app and workers at it); 0: any free port.
  SANDBOX_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).default(4025),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Where published posts and their set figures are kept across restarts; none when unset.
  SANDBOX_STATE_FILE: z.string().min(1).optional(),
});

const env = Env.safeParse(process.env);
if (!env.success) {
  console.error(`The sandbox's environment is not valid:\n${z.prettifyError(env.error)}`);
  process.exit(1);
}
const logger = pino({ level: env.data.LOG_LEVEL, base: { service: 'sandbox' } });
const sandbox = createSandbox({ logger });
const stateFile = env.data.SANDBOX_STATE_FILE
  ? await keepStateFile(sandbox.state, env.data.SANDBOX_STATE_FILE, logger)
  : null;
await sandbox.listen(env.data.SANDBOX_PORT, env.data.SANDBOX_HOST, env.data.SANDBOX_SMTP_PORT);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'platform sandbox stopping');
    void Promise.all([sandbox.close(), stateFile?.flush()]).then(() => process.exit(0));
  });
}
