import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekMessages } from './week-messages';

const week = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-07T00:00:00Z') };
const at = (iso: string) => new Date(iso);

describe("the week's messages", () => {
  it('are those approved that week, newest first', () => {
    const messages = [
      { id: 'old', approvedAt: at('2026-11-20T10:00:00Z') },
      { id: 'monday', approvedAt: at('2026-11-30T09:00:00Z') },
      { id: 'friday', approvedAt: at('2026-12-04T09:00:00Z') },
      { id: 'next-week', approvedAt: at('2026-12-08T09:00:00Z') },
    ];
    expect(weekMessages(messages, week).map((message) => message.id)).toEqual(['friday', 'monday']);
  });

  it('are the newest approved before the week when none was approved in it', () => {
    const messages = [
      { id: 'older', approvedAt: at('2026-11-10T10:00:00Z') },
      { id: 'newest-before', approvedAt: at('2026-11-29T23:59:00Z') },
      { id: 'never', approvedAt: null },
    ];
    expect(weekMessages(messages, week).map((message) => message.id)).toEqual(['newest-before']);
  });

  it('are none when nothing was approved by the end of the week', () => {
    expect(weekMessages([{ id: 'draft', approvedAt: null }], week)).toEqual([]);
  });

  it('never include a message approved after the week, nor one never approved', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.uuid(),
            approvedAt: fc.option(
              fc.date({
                min: at('2026-10-01T00:00:00Z'),
                max: at('2027-01-31T00:00:00Z'),
                noInvalidDate: true,
              }),
            ),
          }),
        ),
        (messages) => {
          const chosen = weekMessages(messages, week);
          for (const message of chosen) {
            expect(message.approvedAt).not.toBeNull();
            expect(message.approvedAt!.getTime()).toBeLessThan(week.to.getTime());
          }
          const within = messages.filter(
            (message) =>
              message.approvedAt && message.approvedAt >= week.from && message.approvedAt < week.to,
          );
          if (within.length > 0) expect(chosen).toHaveLength(within.length);
          else expect(chosen.length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
