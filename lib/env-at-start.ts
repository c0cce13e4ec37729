// The environment checked when the web server starts (instrumentation.ts, Node.js runtime only):
// a missing or malformed setting is one clear message and exit 1, not an error on the first page
// someone opens.
import { env, EnvError } from './env';

export function checkEnvironmentAtStart(): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\nSee .env.example.\n`);
    process.exit(1);
  }
}
