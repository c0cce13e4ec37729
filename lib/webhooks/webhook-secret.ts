// A webhook's signing secret: 32 random bytes, shown once, stored sealed with the channel
// credentials' AES-256-GCM helpers (CREDENTIALS_KEY), so a copy of the database cannot forge
// deliveries. The HMAC key is the whole string, prefix included, as the receiver holds it.
import { randomBytes } from 'node:crypto';
import { decryptCredentials, encryptCredentials } from '../channels/credentials';

const PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('hex')}`;
}

export function sealWebhookSecret(secret: string, credentialsKey: string): string {
  return encryptCredentials({ secret }, credentialsKey);
}

export function openWebhookSecret(sealed: string, credentialsKey: string): string {
  const { secret } = decryptCredentials(sealed, credentialsKey);
  if (!secret) throw new Error('A webhook secret is sealed without its value');
  return secret;
}
