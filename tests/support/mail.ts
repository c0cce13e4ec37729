// The mail the sandbox's SMTP server received (GET /_sandbox/mail), for tests: read it, wait for
// it, forget it. The integration setup points SMTP_URL at the sandbox; e2e tests pass the
// sandbox's address they were given.
import type { SandboxMail } from '@/sandbox/mail';
import { waitFor } from './processes';

export type { SandboxMail };

const base = (sandboxUrl?: string) => {
  const url = sandboxUrl ?? process.env.SANDBOX_URL;
  if (!url) throw new Error('SANDBOX_URL is not set: the integration setup starts the sandbox');
  return url;
};

/** Every mail received, newest first; only those to `to` when given. */
export async function sandboxMail(
  options: { to?: string; sandboxUrl?: string } = {},
): Promise<SandboxMail[]> {
  const response = await fetch(`${base(options.sandboxUrl)}/_sandbox/mail`);
  if (!response.ok) throw new Error(`GET /_sandbox/mail: ${response.status}`);
  const mail = (await response.json()) as SandboxMail[];
  const to = options.to?.toLowerCase();
  return to === undefined
    ? mail
    : mail.filter((one) => one.to.some((address) => address.toLowerCase() === to));
}

export async function clearSandboxMail(sandboxUrl?: string): Promise<void> {
  const response = await fetch(`${base(sandboxUrl)}/_sandbox/mail`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE /_sandbox/mail: ${response.status}`);
}

/** Waits until at least `count` mails (to `to`, when given) have arrived; answers them. */
export async function waitForMail(
  options: { to?: string; count?: number; sandboxUrl?: string; timeoutMs?: number } = {},
): Promise<SandboxMail[]> {
  const count = options.count ?? 1;
  let found: SandboxMail[] = [];
  await waitFor(
    async () => {
      found = await sandboxMail(options);
      return found.length >= count;
    },
    {
      timeoutMs: options.timeoutMs ?? 15_000,
      intervalMs: 50,
      what: `${count} mail${count === 1 ? '' : 's'}${options.to ? ` to ${options.to}` : ''}`,
    },
  );
  return found;
}
