import { describe, expect, it } from 'vitest';
import { unstorableText } from './storable-text';

describe('text the database cannot store', () => {
  it('is named by its path wherever it is, keys included', () => {
    expect(
      unstorableText(
        {
          title: 'a\u0000b',
          targets: [{ channelId: 'ok' }, { channelId: '\ud800' }],
          ['x\u0000']: 1,
        },
        'body',
      ),
    ).toEqual({
      title: 'must not contain the NUL character (U+0000)',
      'targets.1.channelId': 'must be valid Unicode text (it has a lone surrogate)',
      body: 'has a key that must not contain the NUL character (U+0000)',
    });
    expect(unstorableText('\udfff', 'path')).toEqual({
      path: 'must be valid Unicode text (it has a lone surrogate)',
    });
  });

  it('looks inside a form: its fields are its entries', () => {
    const form = new FormData();
    form.set('label', 'Reporting\u0000script');
    expect(unstorableText([null, form], 'form')).toEqual({
      '1.label': 'must not contain the NUL character (U+0000)',
    });
  });

  it('leaves every other text alone: emoji, right-to-left, control characters', () => {
    expect(
      unstorableText({ a: '👩🏽‍💻🏳️‍🌈', b: '\u202e\u200b\r\n\t', c: ['\ufeff', 1, null] }, 'body'),
    ).toEqual({});
  });

  it('walks a body nested deeper than the call stack would allow', () => {
    let value: unknown = '\u0000';
    for (let level = 0; level < 100_000; level++) value = [value];
    expect(Object.values(unstorableText(value, 'body'))).toEqual([
      'must not contain the NUL character (U+0000)',
    ]);
  });
});
