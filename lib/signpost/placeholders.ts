// Placeholders in a message body, filled per publishing organisation so one message reads right
// for every force and partner ("{organisation} is working with …", "people in {area}").
import type { Language, Problem, Publisher } from '../platforms/types';

export const PLACEHOLDERS = ['organisation', 'area'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

export interface PlaceholderUse {
  /** The name between the braces, as typed. */
  name: string;
  known: boolean;
  /** String indexes of the whole "{name}". */
  start: number;
  end: number;
}

// A name-like word in braces. Braces around anything else ("{ }", "{:-)}", JSON) are left alone
// as ordinary text rather than reported as a mistyped placeholder.
const PLACEHOLDER = /\{([A-Za-z][\w-]{0,39})\}/g;

const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);
const SUGGESTION = PLACEHOLDERS.map((name) => `{${name}}`).join(' or ');

function isKnown(name: string): name is PlaceholderName {
  return KNOWN.has(name);
}

/** Every placeholder in the body, known or not, in order. */
export function findPlaceholders(body: string): PlaceholderUse[] {
  return Array.from(body.matchAll(PLACEHOLDER), (match) => ({
    name: match[1] ?? '',
    known: isKnown(match[1] ?? ''),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** One problem per distinct unknown placeholder, naming it as typed. */
export function unknownPlaceholderProblems(body: string): Problem[] {
  if (!body.includes('{')) return [];
  const unknown = new Set(
    findPlaceholders(body)
      .filter((use) => !use.known)
      .map((use) => use.name),
  );
  return [...unknown].map((name) => ({
    code: 'unknown_placeholder',
    message: `Unknown placeholder {${name}}; use ${SUGGESTION}`,
  }));
}

/**
 * The body with known placeholders replaced by the organisation's details, in one pass, so a
 * name that itself contains "{area}" is not filled again. Unknown ones stay as typed. Welsh text
 * takes the organisation's Welsh name and area (Heddlu Gogledd Cymru, Gogledd Cymru), or the
 * English ones where it has none.
 */
export function fillPlaceholders(
  body: string,
  organisation: Publisher,
  language: Language = 'en',
): string {
  if (!body.includes('{')) return body;
  const welsh = language === 'cy';
  const values: Record<PlaceholderName, string> = {
    organisation: (welsh ? organisation.nameCy : null) || organisation.name,
    area: (welsh ? organisation.areaCy : null) || organisation.area,
  };
  return body.replace(PLACEHOLDER, (whole, name: string) => (isKnown(name) ? values[name] : whole));
}

export interface SignpostDetails {
  helplineName: string;
  phone: string;
  url: string;
}

const SIGNPOST_FIELD = /\{(helplineName|phone|url)\}/g;

/** A signpost wording template with {helplineName}, {phone} and {url} filled, in one pass. */
export function fillSignpostTemplate(template: string, details: SignpostDetails): string {
  return template.replace(SIGNPOST_FIELD, (_whole, field: keyof SignpostDetails) => details[field]);
}

export interface FilledWording {
  text: string;
  /** String indexes of each place {url} was filled. */
  urls: { start: number; end: number }[];
}

/**
 * fillSignpostTemplate, also saying where {url} went: where a platform shows short link text, the
 * link over those characters is carried beside the text, so rendering must know exactly where.
 */
export function fillSignpostWording(template: string, details: SignpostDetails): FilledWording {
  const urls: FilledWording['urls'] = [];
  let text = '';
  let from = 0;
  for (const match of template.matchAll(SIGNPOST_FIELD)) {
    const field = match[1] as keyof SignpostDetails;
    text += template.slice(from, match.index);
    if (field === 'url') urls.push({ start: text.length, end: text.length + details.url.length });
    text += details[field];
    from = match.index + match[0].length;
  }
  return { text: text + template.slice(from), urls };
}
