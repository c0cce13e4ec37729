// An app.bsky.feed.post record checked as a PDS checks it against the lexicon: text within 300
// graphemes and 3000 bytes, link facets over byte ranges inside the text with a `uri`, at most three
// languages, and an images embed of up to four blobs this account uploaded, each an image of at
// most 1,000,000 bytes. A refusal names the record's path, as the PDS's lexicon errors do.
import { z } from 'zod';
import { utf8Length } from '@/lib/platforms/text-units';
import { overLimit, Refusal } from '../routes';
import type { SandboxMedia, SandboxState } from '../state';
import { blueskyError } from './bluesky-errors';

const MAX_IMAGE_BYTES = 1_000_000;
const LINK = 'app.bsky.richtext.facet#link';
// Lexicon app.bsky.richtext.facet#link: { uri: string, format "uri" } — a scheme, a colon, no
// white space.
const LinkFeature = z.object({ uri: z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i) });
const Blob = z.object({
  $type: z.literal('blob'),
  ref: z.object({ $link: z.string() }),
  mimeType: z.string(),
  size: z.number().int(),
});
const Facet = z.object({
  index: z.object({ byteStart: z.number().int().min(0), byteEnd: z.number().int().min(1) }),
  features: z.array(z.object({ $type: z.string() }).loose()).min(1),
});
type Facet = z.infer<typeof Facet>;
export const PostRecord = z.looseObject({
  $type: z.literal('app.bsky.feed.post'),
  text: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  langs: z
    .array(z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)*$/))
    .max(3)
    .optional(),
  facets: z.array(Facet).optional(),
  embed: z
    .union([
      z.object({
        $type: z.literal('app.bsky.embed.images'),
        images: z
          .array(z.looseObject({ alt: z.string(), image: Blob }))
          .min(1)
          .max(4),
      }),
      z.object({
        $type: z.literal('app.bsky.embed.external'),
        external: z.looseObject({ uri: z.url(), title: z.string(), description: z.string() }),
      }),
    ])
    .optional(),
});
export type PostRecord = z.infer<typeof PostRecord>;

/** The record's text, images and links once it passes the lexicon; refuses as the PDS does. */
export function checkPostRecord(value: unknown, did: string, state: SandboxState) {
  const parsed = PostRecord.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`Record/${issue?.path.join('/') ?? ''} ${issue?.message ?? 'is invalid'}`);
  }
  const record = parsed.data;
  const over = overLimit('bluesky', record.text);
  if (over) throw invalid(`Record/text must not be longer than ${over.limit} graphemes`);
  const bytes = utf8Length(record.text);
  if (bytes > 3000) throw invalid('Record/text must not be longer than 3000 characters');
  const badFacet = record.facets?.find(
    (f) => f.index.byteStart >= f.index.byteEnd || f.index.byteEnd > bytes,
  );
  if (badFacet)
    throw invalid(
      `Record/facets byte range ${badFacet.index.byteStart}-${badFacet.index.byteEnd} is outside the text`,
    );
  const badLink = badLinkFeature(record.facets ?? []);
  if (badLink) throw invalid(`${badLink} must be a uri`);
  const images = record.embed?.$type === 'app.bsky.embed.images' ? record.embed.images : [];
  const media: SandboxMedia[] = images.map(({ alt, image }, i) => {
    const blob = state.drafts.get(`bluesky:${did}:${image.ref.$link}`);
    if (!blob?.media[0] || blob.account !== did)
      throw new Refusal(
        blueskyError(400, `Could not find blob: ${image.ref.$link}`, 'BlobNotFound'),
      );
    if (!image.mimeType.startsWith('image/'))
      throw invalid(`Record/embed/images/${i}/image mimeType ${image.mimeType} is not accepted`);
    if ((blob.media[0].bytes ?? 0) > MAX_IMAGE_BYTES)
      throw invalid(
        `Record/embed/images/${i}/image file too large. ${MAX_IMAGE_BYTES} bytes maximum`,
      );
    return { ...blob.media[0], altText: alt };
  });
  return { record, media, links: facetLinks(record.text, record.facets ?? []) };
}

function invalid(why: string): Refusal {
  return new Refusal(blueskyError(400, `Invalid app.bsky.feed.post record: ${why}`));
}

/** Where a link facet lacks a usable uri, its path in the record ("Record/facets/0/…/uri"). */
function badLinkFeature(facets: readonly Facet[]): string | null {
  for (const [i, facet] of facets.entries()) {
    for (const [j, feature] of facet.features.entries()) {
      if (feature.$type === LINK && !LinkFeature.safeParse(feature).success) {
        return `Record/facets/${i}/features/${j}/uri`;
      }
    }
  }
  return null;
}

/**
 * The links a reader of the post can follow: each link facet's uri over the characters its bytes
 * cover, with their string indexes too, so a test can read them as rendering's links. A byte
 * offset inside a character decodes to U+FFFD and so no longer matches its string index.
 */
function facetLinks(text: string, facets: readonly Facet[]) {
  const bytes = Buffer.from(text, 'utf8');
  const indexAt = (offset: number) => bytes.subarray(0, offset).toString('utf8').length;
  return facets.flatMap(({ index, features }) =>
    features.flatMap((feature) => {
      const link = feature.$type === LINK ? LinkFeature.safeParse(feature).data : undefined;
      if (!link) return [];
      return [
        {
          url: link.uri,
          start: indexAt(index.byteStart),
          end: indexAt(index.byteEnd),
          byteStart: index.byteStart,
          byteEnd: index.byteEnd,
        },
      ];
    }),
  );
}
