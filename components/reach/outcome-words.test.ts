import { describe, expect, it } from 'vitest';
import { formatChange, periodLabel, problemLabel } from './outcome-words';

describe('the outcomes panel’s words', () => {
  it('writes a change as a whole percentage with its sign', () => {
    expect(formatChange(1.0315)).toBe('+103 %');
    expect(formatChange(-0.12)).toBe('−12 %');
    expect(formatChange(0.001)).toBe('0 %');
    expect(formatChange(null)).toBeNull();
  });

  it('writes a period as UK calendar days', () => {
    expect(periodLabel({ from: '2017-07-01', to: '2018-01-31' })).toBe('1 Jul 2017 – 31 Jan 2018');
  });

  it('names a problem by the row under the header, counting from 1', () => {
    expect(problemLabel('figures.3.contacts')).toBe('Row 4, contacts');
    expect(problemLabel('figures.0')).toBe('Row 1');
    expect(problemLabel('header')).toBe('The header (line 1)');
  });
});
