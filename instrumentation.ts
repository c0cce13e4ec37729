// Next.js calls register() once when the server starts. The check lives in its own module,
// imported only in the Node.js runtime, so the Edge build never sees Node's APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkEnvironmentAtStart } = await import('./lib/env-at-start');
    checkEnvironmentAtStart();
    const { installPeerAddress } = await import('./lib/auth/peer-address');
    installPeerAddress();
  }
}
