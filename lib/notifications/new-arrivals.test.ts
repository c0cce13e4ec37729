import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTHING_SEEN, newArrivals, seenFrom } from './new-arrivals';

const unread = (id: string, count = 1) => ({ id, count, readAt: null });
const read = (id: string, count = 1) => ({ id, count, readAt: '2026-12-01T10:00:00.000Z' });

describe('new arrivals for the toast', () => {
  it('announces an unread notification not seen before, and only once', () => {
    const seen = seenFrom([unread('a')]);
    const first = newArrivals(seen, [unread('b'), unread('a')]);
    expect(first.arrived.map((item) => item.id)).toEqual(['b']);
    expect(newArrivals(first.seen, [unread('b'), unread('a')]).arrived).toEqual([]);
  });

  it('announces a burst again when its count grows', () => {
    const seen = seenFrom([unread('burst', 3)]);
    expect(newArrivals(seen, [unread('burst', 14)]).arrived.map((item) => item.count)).toEqual([
      14,
    ]);
  });

  it('never announces one already read', () => {
    expect(newArrivals(NOTHING_SEEN, [read('a'), read('b', 5)]).arrived).toEqual([]);
  });

  it('announces nothing a second time, whatever the polls bring', () => {
    const item = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd'),
      count: fc.integer({ min: 1, max: 20 }),
      readAt: fc.constantFrom(null, '2026-12-01T10:00:00.000Z'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(item, { maxLength: 4, selector: (one) => one.id }), {
          maxLength: 6,
        }),
        (polls) => {
          let seen = NOTHING_SEEN;
          const announced = new Map<string, number>();
          for (const poll of polls) {
            const next = newArrivals(seen, poll);
            for (const arrival of next.arrived) {
              expect(arrival.count).toBeGreaterThan(announced.get(arrival.id) ?? 0);
              announced.set(arrival.id, arrival.count);
            }
            seen = next.seen;
          }
        },
      ),
    );
  });
});
