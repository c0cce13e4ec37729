import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayAround,
  dayOf,
  dayStart,
  formatLocal,
  parseScheduleTime,
  resolveLocalTime,
  toLocalParts,
  type ResolvedTime,
} from './london-time';

const at = (iso: string) => new Date(iso);
const minutes = (hour: string) =>
  Array.from({ length: 60 }, (_, m) => `${hour}:${String(m).padStart(2, '0')}`);

function expectInstant(result: ResolvedTime, iso: string) {
  expect(result).toEqual({ kind: 'ok', instant: at(iso) });
}

// The clocks change on the last Sunday of March and of October, written out so the test can fail.
const SPRING_FORWARD = ['2026-03-29', '2027-03-28', '2028-03-26', '2029-03-25', '2030-03-31'];
const FALL_BACK = ['2026-10-25', '2027-10-31', '2028-10-29', '2029-10-28', '2030-10-27'];

describe('resolveLocalTime on ordinary days', () => {
  it('reads a winter time as GMT and a summer time as BST', () => {
    expectInstant(resolveLocalTime({ date: '2026-01-15', time: '09:00' }), '2026-01-15T09:00Z');
    expectInstant(resolveLocalTime({ date: '2026-07-15', time: '09:00' }), '2026-07-15T08:00Z');
  });

  it('handles midnight, which in summer is the previous day in UTC', () => {
    expectInstant(resolveLocalTime({ date: '2026-06-01', time: '00:00' }), '2026-05-31T23:00Z');
    expectInstant(resolveLocalTime({ date: '2026-02-01', time: '00:00' }), '2026-02-01T00:00Z');
  });

  it('handles the turn of the year', () => {
    expectInstant(resolveLocalTime({ date: '2026-12-31', time: '23:59' }), '2026-12-31T23:59Z');
    expectInstant(resolveLocalTime({ date: '2027-01-01', time: '00:00' }), '2027-01-01T00:00Z');
  });

  it('handles 29 February in a leap year and refuses it otherwise', () => {
    expectInstant(resolveLocalTime({ date: '2028-02-29', time: '12:00' }), '2028-02-29T12:00Z');
    expect(resolveLocalTime({ date: '2027-02-29', time: '12:00' })).toEqual({
      kind: 'invalid',
      message: '2027-02-29 is not a date in the calendar.',
    });
  });

  it.each([
    [{ date: '2026-02-30', time: '09:00' }, '2026-02-30 is not a date in the calendar.'],
    [{ date: '2026-13-01', time: '09:00' }, '2026-13-01 is not a date in the calendar.'],
    [{ date: '2026-03-01', time: '24:00' }, '24:00 is not a time of day: use 00:00 to 23:59.'],
    [{ date: '2026-03-01', time: '12:60' }, '12:60 is not a time of day: use 00:00 to 23:59.'],
    [{ date: '2026-3-1', time: '09:00' }, 'Give the date as YYYY-MM-DD, for example 2026-03-29.'],
    [
      { date: '2026-03-01', time: '9:30' },
      'Give the time as HH:mm on the 24-hour clock, for example 09:30.',
    ],
  ])('refuses %o in plain words', (local, message) => {
    expect(resolveLocalTime(local)).toEqual({ kind: 'invalid', message });
  });

  it('refuses an unknown time zone', () => {
    expect(resolveLocalTime({ date: '2026-03-01', time: '09:00' }, 'Europe/Atlantis')).toEqual({
      kind: 'invalid',
      message:
        'Europe/Atlantis is not a time zone we know. Use an IANA name such as Europe/London.',
    });
  });
});

describe.each(SPRING_FORWARD)('when the clocks go forward on %s', (date) => {
  it('refuses every minute from 01:00 to 01:59, which does not exist', () => {
    for (const time of minutes('01')) {
      const result = resolveLocalTime({ date, time });
      expect(result.kind, time).toBe('nonexistent');
      // A choice cannot conjure up a time that never happens.
      expect(resolveLocalTime({ date, time }, 'Europe/London', 'later').kind).toBe('nonexistent');
    }
  });

  it('reads 00:59 as GMT and 02:00 as BST, one minute apart', () => {
    expectInstant(resolveLocalTime({ date, time: '00:59' }), `${date}T00:59Z`);
    expectInstant(resolveLocalTime({ date, time: '02:00' }), `${date}T01:00Z`);
  });
});

describe.each(FALL_BACK)('when the clocks go back on %s', (date) => {
  it('asks which of the two 01:xx is meant, for every minute of the hour', () => {
    for (const time of minutes('01')) {
      const result = resolveLocalTime({ date, time });
      expect(result).toMatchObject({
        kind: 'ambiguous',
        earlier: at(`${date}T00:${time.slice(3)}Z`),
        later: at(`${date}T01:${time.slice(3)}Z`),
      });
    }
  });

  it('answers with the chosen instant when a choice is given', () => {
    expectInstant(
      resolveLocalTime({ date, time: '01:30' }, undefined, 'earlier'),
      `${date}T00:30Z`,
    );
    expectInstant(resolveLocalTime({ date, time: '01:30' }, undefined, 'later'), `${date}T01:30Z`);
  });

  it('reads 00:59 as BST and 02:00 as GMT, two hours apart', () => {
    const dayBefore = new Date(at(`${date}T00:00Z`).getTime() - 60_000).toISOString();
    expectInstant(resolveLocalTime({ date, time: '00:59' }), dayBefore);
    expectInstant(resolveLocalTime({ date, time: '02:00' }), `${date}T02:00Z`);
  });
});

describe('the clocks-change messages', () => {
  it('says a spring-forward time does not exist and what to do', () => {
    expect(resolveLocalTime({ date: '2026-03-29', time: '01:30' })).toEqual({
      kind: 'nonexistent',
      message:
        '01:30 on Sunday 29 March 2026 does not exist in UK time: the clocks go forward from 01:00 to 02:00. Choose another time.',
    });
  });

  it('says a fall-back time happens twice and names both', () => {
    const result = resolveLocalTime({ date: '2026-10-25', time: '01:30' });
    expect(result.kind === 'ambiguous' && result.message).toBe(
      '01:30 on Sunday 25 October 2026 happens twice in UK time: the clocks go back at 02:00. Choose 01:30 BST (first) or 01:30 GMT (second).',
    );
  });

  it('describes other zones by name, with their own change times', () => {
    expect(resolveLocalTime({ date: '2026-03-08', time: '02:30' }, 'America/New_York')).toEqual({
      kind: 'nonexistent',
      message:
        '02:30 on Sunday 8 March 2026 does not exist in America/New_York time: the clocks go forward from 02:00 to 03:00. Choose another time.',
    });
    // Lord Howe Island moves its clocks by half an hour.
    const lordHowe = resolveLocalTime({ date: '2026-10-04', time: '02:15' }, 'Australia/Lord_Howe');
    expect(lordHowe.kind === 'nonexistent' && lordHowe.message).toContain(
      'the clocks go forward from 02:00 to 02:30',
    );
  });

  it('accepts the zone name in any case and still calls London UK time', () => {
    const result = resolveLocalTime({ date: '2026-03-29', time: '01:30' }, 'europe/london');
    expect(result.kind === 'nonexistent' && result.message).toContain('in UK time');
  });
});

describe('parseScheduleTime', () => {
  it.each([
    ['2026-03-29T00:30:00Z', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29T01:30:00+01:00', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29T01:30+0100', '2026-03-29T00:30:00.000Z'],
    ['2026-10-25T01:30:00+00:00', '2026-10-25T01:30:00.000Z'],
    ['2026-10-25t01:30:00.250z', '2026-10-25T01:30:00.250Z'],
    ['  2026-01-01T00:00:00-05:00 ', '2026-01-01T05:00:00.000Z'],
  ])('reads %s as an exact instant', (input, iso) => {
    expect(parseScheduleTime(input)).toEqual({ kind: 'ok', instant: at(iso) });
  });

  it('never finds a time with an offset ambiguous, even in the repeated hour', () => {
    const first = parseScheduleTime('2026-10-25T01:30:00+01:00');
    const second = parseScheduleTime('2026-10-25T01:30:00+00:00');
    expect(first.kind === 'ok' && second.kind === 'ok').toBe(true);
    if (first.kind === 'ok' && second.kind === 'ok') {
      expect(second.instant.getTime() - first.instant.getTime()).toBe(60 * 60 * 1000);
    }
  });

  it('refuses a time without an offset and shows the exact form to send', () => {
    expect(parseScheduleTime('2026-07-01T09:00:00')).toEqual({
      kind: 'invalid',
      message:
        '2026-07-01T09:00:00 has no offset, so it could mean more than one moment. Add Z for UTC or the offset; in UK time that is 2026-07-01T09:00:00+01:00.',
    });
  });

  it('refuses a time without an offset in the skipped hour with the clocks-change message', () => {
    const result = parseScheduleTime('2026-03-29T01:30');
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.message).toContain('does not exist in UK time');
  });

  it('reads a time with an offset whatever zone it is given', () => {
    expect(parseScheduleTime('2026-03-29T00:30:00Z', 'Europe/Atlantis')).toEqual({
      kind: 'ok',
      instant: at('2026-03-29T00:30:00Z'),
    });
  });

  it('says what to send when nothing or something else was sent', () => {
    const example =
      'Use a time with its offset, such as 2026-03-29T09:00:00+01:00 or 2026-03-29T08:00:00Z.';
    expect(parseScheduleTime(' ')).toEqual({
      kind: 'invalid',
      message: `No time was given. ${example}`,
    });
    expect(parseScheduleTime('next Tuesday')).toEqual({
      kind: 'invalid',
      message: `next Tuesday is not an ISO 8601 time. ${example}`,
    });
  });

  it.each(['2026-02-30T09:00:00Z', 'tomorrow at nine', '', '2026-07-01', '1751360400'])(
    'refuses %j',
    (input) => {
      expect(parseScheduleTime(input).kind).toBe('invalid');
    },
  );
});

describe('formatLocal and toLocalParts', () => {
  it.each([
    ['2026-03-29T02:15:00Z', 'Sun 29 Mar 2026, 03:15 BST'],
    ['2026-03-29T00:59:00Z', 'Sun 29 Mar 2026, 00:59 GMT'],
    ['2026-10-25T00:30:00Z', 'Sun 25 Oct 2026, 01:30 BST'],
    ['2026-10-25T01:30:00Z', 'Sun 25 Oct 2026, 01:30 GMT'],
    ['2026-01-01T00:00:00Z', 'Thu 1 Jan 2026, 00:00 GMT'],
    ['2026-06-30T23:00:00Z', 'Wed 1 Jul 2026, 00:00 BST'],
  ])('shows %s as %s', (iso, shown) => {
    expect(formatLocal(at(iso))).toBe(shown);
  });

  it('shows another zone in its own time, by offset where en-GB has no abbreviation', () => {
    expect(formatLocal(at('2026-01-15T14:00:00Z'), 'America/New_York')).toBe(
      'Thu 15 Jan 2026, 09:00 GMT-5',
    );
  });

  it('follows the zone history, such as the British Standard Time trial of 1968-71', () => {
    expect(formatLocal(at('1970-01-01T00:00:00Z'))).toBe('Thu 1 Jan 1970, 01:00 GMT+1');
  });

  it('gives form fields, dropping seconds', () => {
    expect(toLocalParts(at('2026-07-01T08:00:59Z'))).toEqual({ date: '2026-07-01', time: '09:00' });
    expect(toLocalParts(at('2026-12-31T23:59:00Z'))).toEqual({ date: '2026-12-31', time: '23:59' });
  });

  it('says which 01:30 it is on the day the clocks go back', () => {
    expect(toLocalParts(at('2026-10-25T00:30:00Z'))).toEqual({
      date: '2026-10-25',
      time: '01:30',
      choice: 'earlier',
    });
    expect(toLocalParts(at('2026-10-25T01:30:00Z'))).toEqual({
      date: '2026-10-25',
      time: '01:30',
      choice: 'later',
    });
  });
});

const anyInstant = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('2100-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const zones = fc.constantFrom(
  'Europe/London',
  'Europe/Dublin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
);

const localTimes = fc.record({
  date: fc
    .date({ min: new Date('1997-01-01Z'), max: new Date('2100-12-31Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  time: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
});

describe('UK days as instants', () => {
  const HOUR = 3_600_000;
  it('starts a winter day at midnight GMT and a summer day at midnight BST', () => {
    expect(dayStart('2026-01-15')).toEqual(at('2026-01-15T00:00:00Z'));
    expect(dayStart('2026-07-15')).toEqual(at('2026-07-14T23:00:00Z'));
    expect(dayStart('2026-07-15', 1)).toEqual(at('2026-07-15T23:00:00Z'));
  });

  it.each(SPRING_FORWARD)('makes %s, when the clocks go forward, 23 hours long', (date) => {
    const { start, end } = dayAround(new Date(`${date}T12:00:00Z`));
    expect(start).toEqual(dayStart(date));
    expect(end.getTime() - start.getTime()).toBe(23 * HOUR);
  });

  it.each(FALL_BACK)('makes %s, when the clocks go back, 25 hours long', (date) => {
    const { start, end } = dayAround(new Date(`${date}T12:00:00Z`));
    expect(end.getTime() - start.getTime()).toBe(25 * HOUR);
  });

  it('refuses what is not a day in the calendar', () => {
    for (const date of ['2026-02-30', '2026-13-01', '26-01-01', '', 'tomorrow'])
      expect(dayStart(date)).toBeNull();
  });

  it('puts every instant inside the UK day it falls on', () => {
    fc.assert(
      fc.property(anyInstant, (instant) => {
        const { start, end } = dayAround(instant);
        expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime()).toBeLessThan(end.getTime());
        expect(dayStart(dayOf(instant))).toEqual(start);
      }),
    );
  });
});

describe('properties', () => {
  it('round-trips any instant through the form fields to the same minute', () => {
    fc.assert(
      fc.property(anyInstant, zones, (instant, zone) => {
        const parts = toLocalParts(instant, zone);
        const result = resolveLocalTime(parts, zone, parts.choice);
        const minute = Math.floor(instant.getTime() / 60_000) * 60_000;
        expect(result).toEqual({ kind: 'ok', instant: new Date(minute) });
      }),
    );
  });

  it('finds UK times missing or doubled only in the 01:00 hour of the last Sunday of March or October', () => {
    // The EU rule has held since 1996.
    fc.assert(
      fc.property(localTimes, ({ date, time }) => {
        const day = new Date(`${date}T12:00Z`);
        const lastSunday = day.getUTCDay() === 0 && day.getUTCDate() >= 25;
        const inChangeHour = lastSunday && time.startsWith('01:');
        const month = day.getUTCMonth() + 1;
        const expected = !inChangeHour
          ? 'ok'
          : month === 3
            ? 'nonexistent'
            : month === 10
              ? 'ambiguous'
              : 'ok';
        expect(resolveLocalTime({ date, time }).kind).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows any wall-clock time that names one instant back as the same form fields', () => {
    fc.assert(
      fc.property(localTimes, zones, (local, zone) => {
        const result = resolveLocalTime(local, zone);
        if (result.kind === 'ok') expect(toLocalParts(result.instant, zone)).toEqual(local);
      }),
    );
  });

  it('reads back any instant written as ISO 8601 with Z', () => {
    fc.assert(
      fc.property(anyInstant, (instant) => {
        expect(parseScheduleTime(instant.toISOString())).toEqual({ kind: 'ok', instant });
      }),
    );
  });

  it('formats any instant since 1972 as day, date, time and GMT or BST', () => {
    const sinceTrial = fc.date({
      min: new Date('1972-01-01T00:00:00Z'),
      max: new Date('2100-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(sinceTrial, (instant) => {
        expect(formatLocal(instant)).toMatch(
          /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} (GMT|BST)$/,
        );
      }),
    );
  });
});
