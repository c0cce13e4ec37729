// The client secret of an organisation's identity provider is sealed at rest as channel
// credentials are (AES-256-GCM with CREDENTIALS_KEY): the database never holds it in clear.
import { decryptCredentials, encryptCredentials } from '../channels/credentials';

const SEALED = /^v1\./;

export function sealClientSecret(secret: string, key: string): string {
  return encryptCredentials({ clientSecret: secret }, key);
}

export function unsealClientSecret(sealed: string, key: string): string {
  const { clientSecret } = decryptCredentials(sealed, key);
  if (clientSecret === undefined) throw new Error('The sealed client secret has no secret in it');
  return clientSecret;
}

/** The plugin's oidcConfig JSON as stored, made readable for the plugin: the secret unsealed. */
export function unsealOidcConfig(stored: string | null, key: string): string | null {
  if (!stored) return stored;
  const config = JSON.parse(stored) as Record<string, unknown>;
  if (typeof config.clientSecret === 'string' && SEALED.test(config.clientSecret))
    config.clientSecret = unsealClientSecret(config.clientSecret, key);
  return JSON.stringify(config);
}

/** The other way, for any write of the plugin's own (it never registers providers here). */
export function sealOidcConfig(config: string | null | undefined, key: string) {
  if (!config) return config;
  const parsed = JSON.parse(config) as Record<string, unknown>;
  if (typeof parsed.clientSecret === 'string' && !SEALED.test(parsed.clientSecret))
    parsed.clientSecret = sealClientSecret(parsed.clientSecret, key);
  return JSON.stringify(parsed);
}
