// A notification as an email, and a day's notifications as one digest: plain text and simple,
// accessible HTML (a language, a heading, the words, one clear link, and a footer saying why it
// came and where to change that). Pure. Everything from the database is escaped, and a mail says
// only what the notification says, the person's name and the app's links: never a secret, token
// or credential (a notification carries none; any API-token-shaped text is blanked regardless).
import { formatLocal } from '../scheduling/london-time';
import { EMAIL_DELIVERY_LABELS, isNotificationKind, NOTIFICATION_KINDS } from './kinds';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailNotification {
  kind: string;
  title: string;
  body: string;
  /** A path in the app, such as /messages/abc. */
  link: string;
  createdAt: Date;
}

export interface MailRecipient {
  name: string;
}

export const SETTINGS_PATH = '/settings/notifications';
const FALLBACK_PATH = '/notifications';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

// Signpost's own API tokens (lib/auth/api-tokens.ts): should one ever reach a notification's
// words, it does not reach an inbox.
const API_TOKEN = /\bsp_[A-Za-z0-9_-]{16,}/g;

/** Text as it may appear in a mail: no token, and for a header, one line. */
function safeText(text: string): string {
  return text.replace(API_TOKEN, '[removed]');
}

const oneLine = (text: string) => safeText(text).replace(/\s+/g, ' ').trim();

/**
 * The app's address for a notification's link: only a path within the app (a link to another
 * host, or a protocol-relative one, becomes the notifications page).
 */
export function appLink(appUrl: string, path: string): string {
  const safe = /^\/(?![/\\])/.test(path) ? path : FALLBACK_PATH;
  return new URL(safe, appUrl.endsWith('/') ? appUrl : `${appUrl}/`).toString();
}

function kindLabel(kind: string): string {
  return isNotificationKind(kind) ? NOTIFICATION_KINDS[kind].label : 'Notifications';
}

function page(options: { heading: string; main: string; footer: string }): string {
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${options.heading}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1b1e;background:#ffffff">',
    '<div style="max-width:600px;margin:0 auto">',
    `<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${options.heading}</h1>`,
    options.main,
    `<hr style="border:none;border-top:1px solid #868e96;margin:32px 0 16px">`,
    `<p style="font-size:14px;color:#495057;margin:0">${options.footer}</p>`,
    '</div></body></html>',
  ].join('\n');
}

const paragraphs = (text: string) =>
  safeText(text)
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => `<p style="margin:0 0 16px">${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

const button = (href: string, label: string) =>
  `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;background:#1864ab;color:#ffffff;text-decoration:underline;border-radius:4px;font-weight:bold">${escapeHtml(label)}</a></p>`;

/** One notification, mailed at once. */
export function renderNotificationMail(
  notification: MailNotification,
  recipient: MailRecipient,
  appUrl: string,
): MailContent {
  const title = oneLine(notification.title) || 'Signpost notification';
  const link = appLink(appUrl, notification.link);
  const settings = appLink(appUrl, SETTINGS_PATH);
  const why =
    `You are getting this email because “${kindLabel(notification.kind)}” is set to ` +
    `“${EMAIL_DELIVERY_LABELS.immediate}” in your Signpost notification settings.`;
  const body = safeText(notification.body).trim();
  const text = [
    `Hello ${oneLine(recipient.name)},`,
    '',
    title,
    '',
    ...(body ? [body, ''] : []),
    `Open it in Signpost: ${link}`,
    '',
    '--',
    why,
    `Change what you are sent: ${settings}`,
    '',
  ].join('\n');
  const html = page({
    heading: escapeHtml(title),
    main: [
      `<p style="margin:0 0 16px">Hello ${escapeHtml(oneLine(recipient.name))},</p>`,
      paragraphs(notification.body),
      button(link, 'Open it in Signpost'),
    ].join('\n'),
    footer: `${escapeHtml(why)} <a href="${escapeHtml(settings)}" style="color:#1864ab">Change what you are sent</a>.`,
  });
  return { subject: title, text, html };
}

/** The day's notifications of one person, in one mail (oldest first, as they happened). */
export function renderDigestMail(
  notifications: readonly MailNotification[],
  recipient: MailRecipient,
  appUrl: string,
): MailContent {
  const count = notifications.length;
  const subject = `Signpost: ${count} notification${count === 1 ? '' : 's'} since your last digest`;
  const settings = appLink(appUrl, SETTINGS_PATH);
  const why =
    'You are getting this email because some notifications are set to ' +
    `“${EMAIL_DELIVERY_LABELS.digest}” in your Signpost notification settings.`;
  const items = notifications.map((notification) => ({
    title: oneLine(notification.title) || 'Signpost notification',
    body: safeText(notification.body).trim(),
    link: appLink(appUrl, notification.link),
    when: formatLocal(notification.createdAt),
  }));
  const text = [
    `Hello ${oneLine(recipient.name)},`,
    '',
    `${subject}:`,
    '',
    ...items.flatMap((item) => [
      `* ${item.title} (${item.when})`,
      ...(item.body ? [`  ${item.body.replace(/\n/g, '\n  ')}`] : []),
      `  ${item.link}`,
      '',
    ]),
    `All your notifications: ${appLink(appUrl, FALLBACK_PATH)}`,
    '',
    '--',
    why,
    `Change what you are sent: ${settings}`,
    '',
  ].join('\n');
  const list = items
    .map(
      (item) =>
        `<li style="margin:0 0 20px"><h2 style="font-size:17px;margin:0 0 4px"><a href="${escapeHtml(item.link)}" style="color:#1864ab">${escapeHtml(item.title)}</a></h2>` +
        `<p style="margin:0 0 4px;font-size:14px;color:#495057">${escapeHtml(item.when)}</p>` +
        (item.body
          ? `<p style="margin:0">${escapeHtml(item.body).replace(/\n/g, '<br>')}</p>`
          : '') +
        '</li>',
    )
    .join('\n');
  const html = page({
    heading: escapeHtml(subject),
    main: [
      `<p style="margin:0 0 16px">Hello ${escapeHtml(oneLine(recipient.name))},</p>`,
      `<ul style="padding-left:20px;margin:0">${list}</ul>`,
      button(appLink(appUrl, FALLBACK_PATH), 'See all your notifications'),
    ].join('\n'),
    footer: `${escapeHtml(why)} <a href="${escapeHtml(settings)}" style="color:#1864ab">Change what you are sent</a>.`,
  });
  return { subject, text, html };
}
