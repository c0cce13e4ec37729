// `npm run dev`: check PostgreSQL and Redis, apply migrations, seed, then run the web app, the
// workers and the platform sandbox together. Plain JavaScript so it runs before anything is built.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import concurrently from 'concurrently';
import pg from 'pg';

if (existsSync('.env')) process.loadEnvFile('.env');

const DATABASE_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/signpost';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const PORT = process.env.PORT || '3000';
const APP_URL = process.env.APP_URL || `http://localhost:${PORT}`;
const SANDBOX_PORT = process.env.SANDBOX_PORT || '4010';
const SANDBOX_SMTP_PORT = process.env.SANDBOX_SMTP_PORT || '4025';

function fail(line) {
  console.error(`\n✖ ${line}\n`);
  process.exit(1);
}

/** Connects to the server's maintenance database, and creates Signpost's database if missing. */
async function ensureDatabase() {
  const url = new URL(DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: admin.toString(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
  } catch (error) {
    fail(
      `PostgreSQL does not answer at ${url.host} (${error.code ?? error.message}). Start it — ` +
        `\`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\`, or \`docker compose up -d postgres\` — or set DATABASE_URL.`,
    );
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      console.log(`Created the database ${name}.`);
    }
  } finally {
    await client.end();
  }
}

/** A PING over a plain socket: no client library needed to say whether Redis is there. */
function checkRedis() {
  const url = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port || 6379) });
    const give = (ok, detail) => {
      socket.destroy();
      if (!ok)
        fail(
          `Redis does not answer at ${url.host} (${detail}). Start it — \`redis-server --daemonize yes\`, ` +
            'or `docker compose up -d redis` — or set REDIS_URL.',
        );
      resolve();
    };
    socket.setTimeout(3000, () => give(false, 'no answer in 3 s'));
    socket.on('error', (error) => give(false, error.code ?? error.message));
    socket.on('connect', () => {
      if (url.password)
        socket.write(
          `AUTH ${decodeURIComponent(url.username || 'default')} ${decodeURIComponent(url.password)}\r\n`,
        );
      socket.write('PING\r\n');
    });
    socket.on('data', (data) => {
      const text = data.toString();
      if (text.includes('PONG')) give(true);
      else if (text.startsWith('-')) give(false, text.trim());
    });
  });
}

await ensureDatabase();
await checkRedis();

const env = {
  ...process.env,
  DATABASE_URL,
  REDIS_URL,
  APP_URL,
  SANDBOX_URL: process.env.SANDBOX_URL || `http://127.0.0.1:${SANDBOX_PORT}`,
  // Mail goes to the sandbox's SMTP server unless a real one is named.
  SANDBOX_SMTP_PORT,
  SMTP_URL: process.env.SMTP_URL || `smtp://127.0.0.1:${SANDBOX_SMTP_PORT}`,
};
console.log('Applying migrations…');
execFileSync('npm', ['run', '--silent', 'db:migrate'], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
console.log('Seeding…');
execFileSync('npm', ['run', '--silent', 'db:seed'], { env, stdio: 'inherit' });
// A week of the demo campaign on the forces' channels, the first message in a few minutes: once.
execFileSync('npx', ['tsx', 'scripts/demo-posts.ts'], { env, stdio: 'inherit' });

const password = process.env.DEMO_PASSWORD || 'signpost-demo';
console.log(`
  Signpost is starting at ${APP_URL}

  Demo sign-ins (development only), password “${password}”:
    lead@nw-rocu.example                      campaign lead
    lead2@nw-rocu.example                     second campaign lead (to approve the first's messages)
    comms@lancashire.example                  comms officer, Lancashire Constabulary
    partner@manchester-city-council.example   partner
    viewer@cumbria.example                    viewer (two organisations)
    admin@nw-rocu.example                     administrator

  Platform sandbox: http://127.0.0.1:${SANDBOX_PORT}/_sandbox/posts shows what was "published";
  each platform's API answers at the root of its own port, ${SANDBOX_PORT} + 1 (X) to ${SANDBOX_PORT} + 8
  (Nextdoor): http://127.0.0.1:${SANDBOX_PORT}/_sandbox/health lists them.
  Email: the sandbox's SMTP server (port ${SANDBOX_SMTP_PORT}) catches every mail Signpost sends;
  http://127.0.0.1:${SANDBOX_PORT}/_sandbox/mail lists it.
`);

const { result } = concurrently(
  [
    { name: 'web', command: `next dev -p ${PORT}`, prefixColor: 'blue', env },
    {
      name: 'worker',
      command: 'tsx watch workers/main.ts',
      prefixColor: 'magenta',
      env: { ...env, SIGNPOST_SERVICE: 'worker' },
    },
    {
      name: 'sandbox',
      command: 'tsx sandbox/main.ts',
      prefixColor: 'green',
      // Published posts survive a restart, so the metrics worker does not find them all gone.
      env: {
        ...env,
        SANDBOX_PORT,
        SANDBOX_STATE_FILE: process.env.SANDBOX_STATE_FILE || 'var/sandbox-state.json',
      },
    },
  ],
  { killOthersOn: ['failure'], prefix: 'name' },
);
// Once the sandbox answers: the seed's demo posts still to be polled become sandbox posts (once).
spawn('npx', ['tsx', 'scripts/adopt-demo-posts.ts'], { env, stdio: 'inherit' });

result.then(
  () => process.exit(0),
  () => process.exit(1),
);
