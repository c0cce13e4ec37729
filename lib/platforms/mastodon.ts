// A Mastodon post (status), published through POST /api/v1/statuses on the channel's server.
import { findUrls } from './links';
import { UPLOADABLE_IMAGE_TYPES } from './media';
import { graphemeCount } from './text-units';
import type { PlatformRules } from './types';

// Mastodon's own rules (app/validators/status_length_validator.rb): every URL counts as 23
// ("characters_reserved_per_url" in /api/v2/instance), a mention @user@domain counts only as
// @user, and the rest is counted in grapheme clusters.
const URL_LENGTH = 23;
const URL_PLACEHOLDER = 'x'.repeat(URL_LENGTH);

// Account::MENTION_RE: @username, optionally @domain, not preceded by a word character, = or /.
const MENTION =
  /(?<![=/\p{L}\p{M}\p{N}\p{Pc}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\p{L}\p{M}\p{N}\p{Pc}]+(?:[.-]+[\p{L}\p{M}\p{N}\p{Pc}]+)*)?/giu;

interface Entity {
  start: number;
  end: number;
  replacement: string;
}

/** The length Mastodon's status validator computes for `text`. */
export function countMastodonText(text: string): number {
  if (!text.includes('@') && !text.includes('://')) return graphemeCount(text);
  // Mastodon only shortens links it will also turn into links: those with a protocol.
  const urls = findUrls(text, { requireScheme: true }).map(({ start, end }) => ({
    start,
    end,
    replacement: URL_PLACEHOLDER,
  }));
  const mentions = Array.from(text.matchAll(MENTION), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    replacement: `@${match[1]}`,
  }));
  return graphemeCount(rewrite(text, withoutOverlaps([...urls, ...mentions])));
}

function withoutOverlaps(entities: Entity[]): Entity[] {
  const kept: Entity[] = [];
  for (const entity of entities.sort((a, b) => a.start - b.start)) {
    const last = kept.at(-1);
    if (!last || entity.start >= last.end) kept.push(entity);
  }
  return kept;
}

function rewrite(text: string, entities: Entity[]): string {
  let result = '';
  let from = 0;
  for (const { start, end, replacement } of entities) {
    result += text.slice(from, start) + replacement;
    from = end;
  }
  return result + text.slice(from);
}

export const mastodonRules: PlatformRules = {
  platform: 'mastodon',
  label: 'Mastodon',
  // 500 is Mastodon's default MAX_CHARS; servers may allow more, never less by default.
  limit: 500,
  countingNote:
    'characters as the reader sees them; every link counts as 23, @user@server as @user',
  linksClickable: true,
  linkText: 'url',
  media: {
    // /api/v2/instance on a default server: 4 attachments ("max_media_attachments") and
    // image_size_limit 16 MiB, read here as 16 decimal megabytes, the stricter reading.
    maxImages: 4,
    maxBytes: 16_000_000,
    mimeTypes: UPLOADABLE_IMAGE_TYPES,
    requiresImage: false,
    // image_matrix_limit is 33,177,600 pixels; 4096 on the longest side stays inside it.
    maxDimension: 4096,
  },
  count: countMastodonText,
};
