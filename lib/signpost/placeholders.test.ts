import { describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  fillSignpostTemplate,
  fillSignpostWording,
  findPlaceholders,
  unknownPlaceholderProblems,
} from './placeholders';

const lancashire = { slug: 'lancashire', name: 'Lancashire Constabulary', area: 'Lancashire' };

describe('fillPlaceholders', () => {
  it('fills {organisation} and {area} with the publishing organisation’s details', () => {
    expect(fillPlaceholders('{organisation} is protecting children in {area}.', lancashire)).toBe(
      'Lancashire Constabulary is protecting children in Lancashire.',
    );
  });

  it('fills every occurrence', () => {
    expect(fillPlaceholders('{area}, {area}', lancashire)).toBe('Lancashire, Lancashire');
  });

  it('leaves unknown placeholders exactly as typed', () => {
    expect(fillPlaceholders('{orgnisation} in {area}', lancashire)).toBe(
      '{orgnisation} in Lancashire',
    );
  });

  it('does not fill a placeholder that an organisation’s own name contains', () => {
    const odd = { slug: 'odd', name: 'The {area} Unit', area: 'Nowhere' };
    expect(fillPlaceholders('{organisation}', odd)).toBe('The {area} Unit');
  });

  it('returns text without braces untouched', () => {
    const text = 'No placeholders here 👍';
    expect(fillPlaceholders(text, lancashire)).toBe(text);
  });
});

describe('findPlaceholders', () => {
  it('finds known and unknown placeholders with their positions', () => {
    expect(findPlaceholders('Hi {area} and {Organisation}')).toEqual([
      { name: 'area', known: true, start: 3, end: 9 },
      { name: 'Organisation', known: false, start: 14, end: 28 },
    ]);
  });

  it('ignores braces that do not hold a name: JSON, emoticons, empty braces', () => {
    expect(findPlaceholders('{"a": 1} {:-)} { } {} {1st}')).toEqual([]);
  });
});

describe('unknownPlaceholderProblems', () => {
  it('names an unknown placeholder and says which ones exist', () => {
    expect(unknownPlaceholderProblems('{orgnisation} is here')).toEqual([
      {
        code: 'unknown_placeholder',
        message: 'Unknown placeholder {orgnisation}; use {organisation} or {area}',
      },
    ]);
  });

  it('reports each unknown placeholder once, in the order they appear', () => {
    const problems = unknownPlaceholderProblems('{town} {orgnisation} {town} {area}');
    expect(problems.map((problem) => problem.message)).toEqual([
      'Unknown placeholder {town}; use {organisation} or {area}',
      'Unknown placeholder {orgnisation}; use {organisation} or {area}',
    ]);
  });

  it('treats names as case-sensitive, so {Area} is reported', () => {
    expect(unknownPlaceholderProblems('{Area}')).toHaveLength(1);
  });

  it('finds nothing wrong with known placeholders or plain text', () => {
    expect(unknownPlaceholderProblems('{organisation} {area} plain')).toEqual([]);
  });

  it('reports the signpost’s own template fields typed into a body, which bodies cannot use', () => {
    expect(unknownPlaceholderProblems('{phone}')[0]?.message).toBe(
      'Unknown placeholder {phone}; use {organisation} or {area}',
    );
  });
});

describe('fillSignpostTemplate', () => {
  it('fills the helpline name, phone number and URL', () => {
    expect(
      fillSignpostTemplate('{helplineName}: {phone} {url} {area}', {
        helplineName: 'Stop it Now! helpline',
        phone: '0808 1000 900',
        url: 'https://e.org/?a=$&',
      }),
    ).toBe('Stop it Now! helpline: 0808 1000 900 https://e.org/?a=$& {area}');
  });
});

describe('fillSignpostWording', () => {
  const details = { helplineName: 'Stop it Now!', phone: '0808 1000 900', url: 'e.org/help' };

  it('fills as fillSignpostTemplate does and says where each {url} went', () => {
    const template = '{helplineName} ({url}): {phone}, {url}.';
    const filled = fillSignpostWording(template, details);
    expect(filled.text).toBe(fillSignpostTemplate(template, details));
    expect(filled.text).toBe('Stop it Now! (e.org/help): 0808 1000 900, e.org/help.');
    expect(filled.urls.map(({ start, end }) => filled.text.slice(start, end))).toEqual([
      'e.org/help',
      'e.org/help',
    ]);
    expect(filled.urls[0]).toEqual({ start: 14, end: 24 });
  });

  it('gives no places for wording without {url}', () => {
    expect(fillSignpostWording('Call {phone}', details)).toEqual({
      text: 'Call 0808 1000 900',
      urls: [],
    });
  });
});
