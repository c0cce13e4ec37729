import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { decodeCursor, encodeCursor, toPage } from './pagination';

const Key = z.object({ at: z.string(), id: z.string() });

describe('list cursors', () => {
  it('round-trip any sort key', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (at, id) => {
        expect(decodeCursor(encodeCursor({ at, id }), Key)).toEqual({ at, id });
      }),
    );
  });

  it('refuse anything they did not give out, with a 400 naming the cursor', () => {
    for (const cursor of ['garbage', encodeCursor({ other: 'shape' }), '%%%']) {
      try {
        decodeCursor(cursor, Key);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(400);
        expect((error as AppError).fields).toHaveProperty('cursor');
      }
    }
  });

  it('give a next cursor only when there is a next page', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(toPage(rows, 2, (row) => ({ id: row.id })).nextCursor).toBe(encodeCursor({ id: 'b' }));
    expect(toPage(rows, 3, (row) => ({ id: row.id })).nextCursor).toBeNull();
  });
});
