import fc from 'fast-check';
import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast, readableOn, theme } from './theme';

const gray = DEFAULT_THEME.colors.gray;
const palettes = Object.entries(theme.colors ?? {});

describe('the theme reads at WCAG AA', () => {
  it.each(palettes)(
    '%s: text shades 6 to 9 read at 4.5:1 on white, the grey page and their own light tints',
    (_name, palette) => {
      for (const shade of palette!.slice(6)) {
        for (const surface of ['#ffffff', gray[0], gray[1], palette![0], palette![1]]) {
          expect(contrast(shade, surface)).toBeGreaterThanOrEqual(4.5);
        }
      }
    },
  );

  it.each(palettes)(
    '%s: each text shade is darker than the one before, so a hover darkens',
    (_name, palette) => {
      for (let index = 7; index < 10; index += 1) {
        expect(contrast(palette![index]!, '#ffffff')).toBeGreaterThan(
          contrast(palette![index - 1]!, '#ffffff'),
        );
      }
    },
  );

  it('the dimmed grey was 3.3:1 on white and now reads at 4.5:1 on the grey page', () => {
    expect(contrast(gray[6], '#ffffff')).toBeLessThan(4.5);
    expect(contrast(theme.colors!.gray![6], gray[0])).toBeGreaterThanOrEqual(4.5);
  });

  it('any colour is darkened until it reads at 4.5:1 on white', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (rgb) => {
        const colour = `#${rgb.toString(16).padStart(6, '0')}`;
        expect(contrast(readableOn(colour, ['#ffffff']), '#ffffff')).toBeGreaterThanOrEqual(4.5);
      }),
    );
  });

  it('a colour that already reads is left as it is', () => {
    expect(readableOn('#0b53b4', ['#ffffff'])).toBe('#0b53b4');
  });
});
