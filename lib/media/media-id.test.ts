import { describe, expect, it } from 'vitest';
import { MediaId, newMediaId } from './media-id';

describe('newMediaId', () => {
  it('has the shape of a cuid: "c" and 24 lowercase letters and digits', () => {
    for (let index = 0; index < 200; index++) expect(newMediaId()).toMatch(/^c[a-z0-9]{24}$/);
  });

  it('is random throughout, so neighbours share no prefix beyond the leading "c"', () => {
    const ids = Array.from({ length: 2_000 }, newMediaId);
    expect(new Set(ids).size).toBe(ids.length);
    // A timestamp-based id (cuid v1) would share its first characters with the next one.
    const sharedSecondCharacter = ids
      .slice(1)
      .filter((id, index) => id[1] === ids[index]![1]).length;
    expect(sharedSecondCharacter).toBeLessThan(200);
  });

  it('is accepted by the id schema, which refuses paths and other strings', () => {
    expect(MediaId.safeParse(newMediaId()).success).toBe(true);
    for (const bad of [
      '../../etc/passwd',
      'short',
      'C8K2X0Q4M1V7B3N9P5T6R2W8Y',
      `c${'a'.repeat(60)}`,
    ]) {
      expect(MediaId.safeParse(bad).success, bad).toBe(false);
    }
  });
});
