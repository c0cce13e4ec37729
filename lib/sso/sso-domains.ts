// Email domains an organisation's single sign-on answers for. Pure: the sign-in page, the
// registration check and the just-in-time membership all read a domain the same way.
import { z } from 'zod';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A domain as an email's part after the "@": lower case, at least two labels, no port. */
export function isEmailDomain(value: string): boolean {
  if (value.length > 253) return false;
  const labels = value.split('.');
  return labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

export const EmailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .refine(isEmailDomain, 'Give a domain such as lancashire.police.uk (no “@”, no https://).');

/** The domain of an email address, lower case, or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return null;
  const domain = email
    .trim()
    .slice(at + 1)
    .toLowerCase();
  return isEmailDomain(domain) ? domain : null;
}

/** The plugin keeps a provider's domains comma-separated in one column. */
export const joinDomains = (domains: readonly string[]) => [...new Set(domains)].join(',');
export const splitDomains = (column: string) =>
  column
    .split(',')
    .map((domain) => domain.trim().toLowerCase())
    .filter(Boolean);

/** Whether an email belongs to one of the domains (exactly: a subdomain is another tenant). */
export function emailInDomains(email: string, domains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domain !== null && domains.includes(domain);
}
