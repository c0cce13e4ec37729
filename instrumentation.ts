// Next.js calls register() once when the server starts: the environment is checked then, so a
// missing secret is one clear message at start-up, not an error on the first page someone opens.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, EnvError } = await import('./lib/env');
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\nSee .env.example.\n`);
    process.exit(1);
  }
}
