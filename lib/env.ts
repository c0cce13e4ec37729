// Every environment variable Signpost reads, parsed once with zod. A missing or malformed value
// is one clear message at start-up, not a crash later. .env.example lists them all.
import { isIP } from 'node:net';
import { z } from 'zod';
import { SANDBOX_PORT_COUNT } from './platforms/base-urls';

const DEV_AUTH_SECRET = 'signpost-development-secret-do-not-use-in-production';
// 32 bytes, base64. Development and tests only; production must set its own.
const DEV_CREDENTIALS_KEY = 'c2lnbnBvc3QtZGV2LWNyZWRlbnRpYWxzLWtleS0zMmI=';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const retentionDays = (days: number) => z.coerce.number().int().min(0).max(36_500).default(days);

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .default('postgresql://postgres@127.0.0.1:5432/signpost'),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .default('redis://127.0.0.1:6379'),
    /** Prefix of every BullMQ key, so several Signposts (or test runs) can share one Redis. */
    QUEUE_PREFIX: z.string().min(1).default('signpost'),
    APP_URL: z.url().default('http://localhost:3000'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_AUTH_SECRET),
    /** AES-256-GCM key for channel credentials: 32 bytes, base64. */
    CREDENTIALS_KEY: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64')
      .default(DEV_CREDENTIALS_KEY),
    /** `sandbox` points every channel without its own base URL at the platform sandbox. */
    PLATFORM_MODE: z.enum(['sandbox', 'live']).default('sandbox'),
    /** The sandbox's control surface; each platform answers on a port after it (base-urls.ts). */
    SANDBOX_URL: z.url().default('http://127.0.0.1:4010'),
    SANDBOX_PORT: z.coerce
      .number()
      .int()
      .min(1)
      .max(65536 - SANDBOX_PORT_COUNT)
      .default(4010),
    /**
     * The sandbox's control surface as a person's browser reaches it, for the platforms'
     * authorisation pages (lib/channels/oauth/oauth-settings.ts); SANDBOX_URL when not set.
     */
    SANDBOX_BROWSER_URL: z.url().optional(),
    /** Signpost's app on each platform, for connecting channels by OAuth (README, "Channels"). */
    X_CLIENT_ID: z.string().min(1).optional(),
    X_CLIENT_SECRET: z.string().min(1).optional(),
    X_AUTHORIZE_URL: z.url().optional(),
    FACEBOOK_APP_ID: z.string().min(1).optional(),
    FACEBOOK_APP_SECRET: z.string().min(1).optional(),
    FACEBOOK_AUTHORIZE_URL: z.url().optional(),
    MEDIA_DIR: z.string().min(1).default('var/media'),
    DEMO_PASSWORD: z.string().min(8).default('signpost-demo'),
    /** Create the demo users (never in production). */
    SEED_DEMO: booleanFlag.optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
    /**
     * Metrics polls one worker process runs at once, on a queue of their own: polling never takes
     * publishing's slots (WORKER_CONCURRENCY).
     */
    METRICS_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(5),
    /** How often published posts due a poll are claimed and their channels' polls enqueued. */
    POLL_SWEEP_SECONDS: z.coerce.number().min(1).max(3600).default(60),
    /** A platform call that takes longer is abandoned (its outcome is then checked, not assumed). */
    PUBLISH_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(30),
    /** The first retry after a temporary failure waits up to this long; each later one doubles it. */
    RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(600).default(5),
    /** A post claimed this long ago and still publishing belonged to a worker that died. */
    CLAIM_STALE_AFTER_SECONDS: z.coerce.number().min(1).max(3600).default(120),
    /** How often the reconciler runs (it also runs when a worker starts). */
    RECONCILE_EVERY_SECONDS: z.coerce.number().min(1).max(3600).default(60),
    /** How long a pause waits for publishing already under way in its scope before answering. */
    PAUSE_SETTLE_SECONDS: z.coerce.number().min(0).max(120).default(35),
    /**
     * Outgoing mail (nodemailer). In development and tests the sandbox's own SMTP server
     * (SANDBOX_SMTP_PORT) catches it and lists it at GET /_sandbox/mail.
     */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .default('smtp://127.0.0.1:4025'),
    MAIL_FROM: z.string().min(3).default('Signpost <signpost@signpost.localhost>'),
    SANDBOX_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(4025),
    /** A webhook endpoint that has not answered in this long is abandoned for this attempt. */
    WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(60).default(10),
    /**
     * How often the notification sweep looks for what is owed (outbox rows, unmailed
     * notifications, pending deliveries) in case a signal or a job was lost.
     */
    NOTIFY_SWEEP_SECONDS: z.coerce.number().min(1).max(3600).default(30),
    /**
     * Retention (lib/retention): how many days each kind of record is kept; 0 keeps it for ever.
     * A published post's text (the row and its figures stay); reach snapshots (each post's latest
     * figures stay); the audit log; sessions, counted from their expiry; sign-in records.
     */
    RETENTION_POST_TEXT_DAYS: retentionDays(730),
    RETENTION_SNAPSHOT_DAYS: retentionDays(400),
    RETENTION_AUDIT_DAYS: retentionDays(2557),
    RETENTION_SESSION_DAYS: retentionDays(30),
    RETENTION_SIGN_IN_DAYS: retentionDays(90),
    /** How long a session lasts without use, in hours. */
    SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** API requests a minute per API token or session (lib/api/rate-limit.ts). */
    API_LIMIT_PER_TOKEN: z.coerce.number().int().min(1).default(600),
    /** API requests a minute per client address, for requests that carry no token or session. */
    API_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(120),
    /**
     * Proxies whose X-Forwarded-For hop is believed (lib/auth/client-address.ts): addresses or
     * CIDR ranges, comma-separated. Empty: the connection's own peer is the client.
     */
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry !== ''),
      )
      .pipe(z.array(z.string().refine(isAddressOrRange, 'must be addresses or CIDR ranges'))),
  })
  .superRefine((env, context) => {
    // `next build` loads route modules to learn their configuration; secrets are a run-time
    // matter, so a build (a Docker image, say) needs none.
    if (env.NODE_ENV !== 'production' || process.env.NEXT_PHASE === 'phase-production-build')
      return;
    if (env.AUTH_SECRET === DEV_AUTH_SECRET)
      context.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'must be set in production',
      });
    if (env.CREDENTIALS_KEY === DEV_CREDENTIALS_KEY)
      context.addIssue({
        code: 'custom',
        path: ['CREDENTIALS_KEY'],
        message: 'must be set in production',
      });
  });

function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const size = Number(bits);
  return /^\d+$/.test(bits) && size <= (family === 4 ? 32 : 128);
}

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most tools' .env handling.
  const defined = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(defined);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new EnvError(`Signpost's environment is not valid:\n${lines.join('\n')}`);
}

let cached: Env | undefined;

/** The parsed environment; parsed on first use and kept. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Demo users exist only outside production, unless SEED_DEMO says otherwise (never in production). */
export function demoEnabled(current: Env = env()): boolean {
  if (current.NODE_ENV === 'production') return false;
  return current.SEED_DEMO ?? true;
}
