// Channel credentials are encrypted at rest with AES-256-GCM; the key comes from the
// environment (CREDENTIALS_KEY), never from the database. Format: v1.<iv>.<tag>.<ciphertext>.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

const VERSION = 'v1';
const Credentials = z.record(z.string(), z.string());
export type Credentials = z.infer<typeof Credentials>;

function keyBytes(base64Key: string): Buffer {
  const key = Buffer.from(base64Key, 'base64');
  if (key.length !== 32) throw new Error('CREDENTIALS_KEY must be 32 bytes, base64');
  return key;
}

export function encryptCredentials(credentials: Credentials, base64Key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(base64Key), iv);
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(credentials), 'utf8'),
    cipher.final(),
  ]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function decryptCredentials(sealed: string, base64Key: string): Credentials {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new Error('Channel credentials are not in a format this version of Signpost can read');
  }
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyBytes(base64Key),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plaintext = Buffer.concat([
    decipher.update(Buffer.from(ciphertext, 'base64url')),
    decipher.final(),
  ]);
  return Credentials.parse(JSON.parse(plaintext.toString('utf8')));
}
