import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeOf,
  describeChange,
  formatFigure,
  formatFraction,
  platformList,
} from './reach-format';

describe('reach formats', () => {
  it('never shows a figure that is not reported as 0', () => {
    expect(formatFigure(null)).toBe('not reported');
    expect(formatFigure(0)).toBe('0');
    expect(formatFigure(12345)).toBe('12,345');
  });

  it('changes against the previous period', () => {
    expect(describeChange(changeOf(3549, 1747))).toBe('+103 %');
    expect(describeChange(changeOf(50, 100))).toBe('−50 %');
    expect(describeChange(changeOf(5, 0))).toBe('none in the previous period');
    expect(describeChange(changeOf(null, 10))).toBe('');
    expect(describeChange(changeOf(0, 0))).toBe('no change');
    fc.assert(
      fc.property(fc.nat(1e6), fc.integer({ min: 1, max: 1e6 }), (now, before) => {
        const change = changeOf(now, before);
        expect(change.kind).toBe('change');
        if (change.kind === 'change')
          expect(Math.sign(change.fraction)).toBe(Math.sign(now - before));
      }),
    );
    expect(formatFraction(0.004)).toBe('no change');
  });

  it('names platforms as a list', () => {
    expect(platformList(['x', 'facebook', 'instagram'])).toBe('X, Facebook and Instagram');
    expect(platformList(['bluesky'])).toBe('Bluesky');
    expect(platformList([])).toBe('');
  });
});
