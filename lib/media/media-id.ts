// Media ids are the only thing guarding the public image URLs (/media/<id>/<variant>: Instagram
// and Threads fetch images from them without credentials), so they must be unguessable. Prisma's
// cuid() is mostly a timestamp and a counter; these have the same shape (a "c" then 24 lowercase
// letters and digits) but every character is random: about 124 bits.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const RANDOM_CHARACTERS = 24;
// 252 is the largest multiple of 36 below 256: bytes at or above it are skipped so that every
// character is equally likely.
const UNBIASED_BELOW = 252;

export function newMediaId(): string {
  let id = 'c';
  while (id.length < RANDOM_CHARACTERS + 1) {
    for (const byte of randomBytes(RANDOM_CHARACTERS)) {
      if (byte >= UNBIASED_BELOW) continue;
      id += ALPHABET[byte % ALPHABET.length];
      if (id.length === RANDOM_CHARACTERS + 1) break;
    }
  }
  return id;
}

/** Any media id Signpost has issued (these, or Prisma's cuid() for rows made elsewhere). */
export const MediaId = z
  .string()
  .regex(/^[a-z0-9]{20,40}$/, 'must be an image id')
  .meta({ description: 'The id of an uploaded image', example: 'c8k2x0q4m1v7b3n9p5t6r2w8y' });
