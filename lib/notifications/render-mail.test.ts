import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appLink,
  escapeHtml,
  type MailNotification,
  renderDigestMail,
  renderNotificationMail,
} from './render-mail';

const APP = 'https://signpost.example';

const notification = (overrides: Partial<MailNotification> = {}): MailNotification => ({
  kind: 'message.submitted',
  title: 'A message is waiting for your approval',
  body: '“Worried about your thoughts?” by Lee Lead is waiting for your approval.',
  link: '/messages/m1',
  createdAt: new Date('2026-03-29T08:00:00Z'),
  ...overrides,
});

// The template's own tags: nothing from a notification may add another.
const TAGS = new Set('html head meta title body div h1 h2 p br a hr ul li'.split(' '));

/** Every '<' in the HTML opens or closes one of the template's own tags (or is the doctype). */
function onlyOwnTags(html: string): boolean {
  const starts = [...html.matchAll(/</g)].map((match) => match.index);
  return starts.every((at) => {
    const rest = html.slice(at, at + 12).toLowerCase();
    if (rest.startsWith('<!doctype')) return true;
    const name = /^<\/?([a-z0-9]+)[\s>/]/.exec(rest)?.[1];
    return name !== undefined && TAGS.has(name);
  });
}

const unescape = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

// Text with the characters HTML cares about, often.
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('<', '>', '&', '"', "'", '<script>', '</p>', 'onload=', '\n', ' '),
    fc.string({ minLength: 1, maxLength: 3 }),
  ),
  maxLength: 60,
});

describe('a notification mail', () => {
  it('has the title as subject, a greeting, the body, one link to the thing and one to the settings', () => {
    const mail = renderNotificationMail(notification(), { name: 'Lee Lead' }, APP);
    expect(mail.subject).toBe('A message is waiting for your approval');
    expect(mail.text).toContain('Hello Lee Lead,');
    expect(mail.text).toContain('by Lee Lead is waiting for your approval.');
    expect(mail.text).toContain('Open it in Signpost: https://signpost.example/messages/m1');
    expect(mail.text).toContain('https://signpost.example/settings/notifications');
    expect(mail.html).toContain('<html lang="en-GB">');
    expect(mail.html).toContain('<h1');
    expect(mail.html).toContain('href="https://signpost.example/messages/m1"');
    expect(mail.html).toContain('href="https://signpost.example/settings/notifications"');
    expect(mail.text).toContain('Email at once');
  });

  it('escapes any title and body in the HTML, keeps them whole in the text, and keeps the subject to one line', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, body, name) => {
        const mail = renderNotificationMail(notification({ title, body }), { name }, APP);
        expect(onlyOwnTags(mail.html)).toBe(true);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        const shown = title.replace(/\s+/g, ' ').trim();
        if (shown !== '') {
          expect(mail.subject).toBe(shown);
          expect(mail.html).toContain(escapeHtml(shown));
          expect(unescape(mail.html)).toContain(shown);
        }
        expect(mail.text).toContain(body.trim());
      }),
    );
  });

  it('links only within the app: another host or a protocol-relative link becomes the notifications page', () => {
    expect(appLink(APP, '/posts/p1?x=1')).toBe('https://signpost.example/posts/p1?x=1');
    for (const link of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'x']) {
      expect(appLink(APP, link)).toBe('https://signpost.example/notifications');
    }
    fc.assert(
      fc.property(fc.string(), (link) => {
        expect(new URL(appLink(APP, link)).origin).toBe(APP);
      }),
    );
  });

  it('never carries an API token, even one that reached the words', () => {
    const token = `sp_${'A1b2'.repeat(11)}`;
    const mail = renderNotificationMail(
      notification({ title: `Token ${token}`, body: `Use ${token} now` }),
      { name: 'Lee' },
      APP,
    );
    for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toContain(token);
  });
});

describe('a digest', () => {
  it('lists each notification with its UK time and link, and says how many', () => {
    const mail = renderDigestMail(
      [
        notification({ title: '3 posts held', link: '/schedule?status=held' }),
        notification({ title: 'A pause was lifted', body: '', link: '/schedule' }),
      ],
      { name: 'Cam Comms' },
      APP,
    );
    expect(mail.subject).toBe('Signpost: 2 notifications since your last digest');
    expect(mail.text).toContain('* 3 posts held (Sun 29 Mar 2026, 09:00 BST)');
    expect(mail.text).toContain('https://signpost.example/schedule?status=held');
    expect(mail.html).toContain('href="https://signpost.example/schedule"');
    expect(mail.text).toContain('In the daily digest');
  });

  it('escapes every title and body it lists', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile), { minLength: 1, maxLength: 5 }), (items) => {
        const mail = renderDigestMail(
          items.map(([title, body]) => notification({ title, body })),
          { name: 'Cam' },
          APP,
        );
        expect(onlyOwnTags(mail.html)).toBe(true);
      }),
    );
  });
});
