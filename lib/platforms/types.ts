// The one interface every platform implements. Shared code (rendering, scheduling, the publish
// worker) talks to platforms only through these types and never branches on a platform's name.
// This file and every rules module are pure: they run in the browser (the composer's live
// preview) as well as on the server.
import { z } from 'zod';

export const PLATFORMS = [
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'threads',
  'bluesky',
  'mastodon',
  'nextdoor',
] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/** The signpost's wording on one platform. Templates may use {helplineName}, {phone} and {url}. */
export const SignpostWording = z.object({
  full: z.string().min(1).max(1000),
  short: z.string().min(1).max(500),
});
export type SignpostWording = z.infer<typeof SignpostWording>;

/** One version of the helpline signpost, as rendering needs it. */
export interface Signpost {
  version: number;
  helplineName: string;
  phone: string;
  url: string;
  wording: Record<Platform, SignpostWording>;
  /**
   * The same wording in Welsh (issue 13), with the same number and link; absent on a version
   * made before there was any. Welsh text cannot be signposted without it.
   */
  wordingCy?: Record<Platform, SignpostWording> | null;
  /** False while the Welsh wording has not been reviewed by a Welsh speaker (demo wording). */
  wordingCyReviewed?: boolean;
}

/** The languages a text is written in (issue 13): English, Welsh. */
export const LANGUAGES = ['en', 'cy'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** The organisation a post is published for. */
export interface Publisher {
  slug: string;
  name: string;
  area: string;
  /** The Welsh name and area, for {organisation} and {area} in Welsh text (English when absent). */
  nameCy?: string | null;
  areaCy?: string | null;
}

/** An image attached to a message, as the rules need to judge it. */
export interface MediaFacts {
  mimeType: string;
  bytes: number;
  width: number;
  height: number;
  altText: string;
}

export interface RenderInput {
  /** The message body, or the platform's override when the message has one. */
  body: string;
  organisation: Publisher;
  campaignSlug: string;
  signpost: Signpost;
  media: MediaFacts[];
  /** The language of `body`: the signpost wording and placeholders follow it. English when absent. */
  language?: Language;
}

export interface Problem {
  /** Machine-readable: too_long, unknown_placeholder, empty_body, media_*, signpost_*, … */
  code: string;
  /** Plain words a comms officer can act on ("X: 12 characters over the 280 limit"). */
  message: string;
}

/**
 * A link in the rendered text: where it leads (`url`) and which characters the reader sees as the
 * link, as string indexes (`start`, `end`) and as UTF-8 byte offsets (`byteStart`, `byteEnd`: Bluesky
 * facets index by bytes). On most platforms the text between start and end is the URL itself. Where
 * the platform's link text is short (`PlatformRules.linkText`, Bluesky), the signpost link's text
 * is the website's address ("get-help.stopitnow.org.uk") and `url` the full tagged URL, which
 * reaches the reader only through this link: publish `links` with the text, or the post is
 * unsignposted.
 */
export interface RenderedLink {
  /**
   * The full URL the link leads to. For a URL typed in the text, as typed with https:// added
   * where it has none; for the signpost link, the URL tagged for this post.
   */
  url: string;
  start: number;
  end: number;
  byteStart: number;
  byteEnd: number;
}

export interface RenderedPost {
  platform: Platform;
  /** Exactly the text that would be published. */
  text: string;
  /** Length as the platform counts it. */
  length: number;
  limit: number;
  valid: boolean;
  problems: Problem[];
  /** Which signpost wording was used, or that the body already carried it. */
  signpostForm: 'full' | 'short' | 'in_body';
  links: RenderedLink[];
}

export interface MediaRules {
  maxImages: number;
  maxBytes: number;
  mimeTypes: readonly string[];
  /** Instagram cannot publish a caption without an image. */
  requiresImage: boolean;
  /** Longest side, in pixels, the image is resized to for this platform. */
  maxDimension: number;
}

/** A platform's text and media rules. Pure. */
export interface PlatformRules {
  platform: Platform;
  /** As people name it: "X", "Facebook", … */
  label: string;
  limit: number;
  /**
   * A second cap on the same text in UTF-8 bytes, where the platform has one besides `limit`
   * (Bluesky's post record: 300 graphemes and 3,000 bytes, so long combining sequences can hit
   * the byte cap first).
   */
  textByteLimit?: number;
  /** How the limit is counted, in words ("characters; links count as 23"). */
  countingNote: string;
  /** Whether a URL in the text becomes a clickable link. */
  linksClickable: boolean;
  /**
   * What the reader sees for the signpost link. 'url': the tagged URL itself, which the platform
   * finds in the text and links (and counts). 'short': the website's address alone, host and path
   * without scheme, query or trailing slash ("get-help.stopitnow.org.uk"), with the tagged URL
   * carried beside the text in `RenderedPost.links` — for platforms where a link is markup over
   * the text rather than a URL found in it (Bluesky's facets), as their own apps show links.
   */
  linkText: 'url' | 'short';
  media: MediaRules;
  /** The length of `text` as the platform counts it. */
  count(text: string): number;
}
