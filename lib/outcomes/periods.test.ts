import { describe, expect, it } from 'vitest';
import { PeriodText, isDay } from './periods';

describe('days and periods', () => {
  it('knows a real calendar day', () => {
    expect(isDay('2020-02-29')).toBe(true);
    expect(isDay('2019-02-29')).toBe(false);
    expect(isDay('2019-2-1')).toBe(false);
  });

  it('reads from/to and refuses a period that ends before it starts', () => {
    expect(PeriodText.parse('2017-07-01/2018-01-31')).toEqual({
      from: '2017-07-01',
      to: '2018-01-31',
    });
    expect(PeriodText.safeParse('2018-01-31/2017-07-01').success).toBe(false);
    expect(PeriodText.safeParse('2018-01-31').success).toBe(false);
  });
});
