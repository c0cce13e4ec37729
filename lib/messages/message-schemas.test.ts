import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MessageChange, MessageInput } from './message-schemas';

const input = (fields: Record<string, unknown>) => ({
  campaignId: 'c1',
  title: 'Title',
  body: 'Body',
  theme: 'help',
  ...fields,
});

// Any text without braces: what people type, markup and all.
const typed = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 400 })
  .filter((text) => !text.includes('{') && text.trim() !== '');

describe('MessageInput', () => {
  it('keeps any text exactly as typed, apart from surrounding whitespace', () => {
    fc.assert(
      fc.property(typed, typed, (title, body) => {
        const parsed = MessageInput.parse(input({ title: title.slice(0, 200), body }));
        expect(parsed.body).toBe(body.trim());
        expect(parsed.title).toBe(title.slice(0, 200).trim());
      }),
    );
  });

  it('keeps markup as text', () => {
    const body = '<script>alert(1)</script><a href="javascript:x">link</a> &amp;';
    expect(MessageInput.parse(input({ body })).body).toBe(body);
  });

  it('fills in the defaults: not shareable, no overrides, no images', () => {
    expect(MessageInput.parse(input({}))).toMatchObject({
      shareable: false,
      overrides: {},
      media: [],
    });
  });

  it('accepts the known placeholders and names every unknown one, in the field it is in', () => {
    expect(MessageInput.safeParse(input({ body: '{organisation} in {area}' })).success).toBe(true);
    const result = MessageInput.safeParse(
      input({ body: 'Hi {force} and {force}, {county}', overrides: { mastodon: 'In {town}' } }),
    );
    expect(result.error?.issues.map(({ path, message }) => [path.join('.'), message])).toEqual([
      ['body', 'has unknown placeholders {force}, {county}; use {organisation} or {area}'],
      ['overrides.mastodon', 'has unknown placeholder {town}; use {organisation} or {area}'],
    ]);
  });

  it('leaves braces that are not placeholders alone', () => {
    expect(
      MessageInput.safeParse(input({ body: 'Smile {:-)} and { } and {"json": 1}' })).success,
    ).toBe(true);
  });

  it('refuses an image twice, and more than ten', () => {
    const image = { mediaId: 'm1', altText: 'A poster' };
    expect(
      MessageInput.safeParse(input({ media: [image, image] })).error?.issues[0]?.message,
    ).toMatch(/twice/);
    const many = Array.from({ length: 11 }, (_, index) => ({
      mediaId: `m${index}`,
      altText: 'A poster',
    }));
    expect(MessageInput.safeParse(input({ media: many })).success).toBe(false);
  });
});

describe('MessageChange', () => {
  it('needs at least one field', () => {
    expect(MessageChange.safeParse({}).error?.issues[0]?.message).toMatch(/at least one/);
    expect(MessageChange.safeParse({ shareable: false }).success).toBe(true);
  });
});
