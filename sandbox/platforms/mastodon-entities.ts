// Mastodon's entities (docs.joinmastodon.org/entities), complete as a Mastodon 4.5 instance sends
// them: Account (and CredentialAccount), Status with its HTML `content`, and MediaAttachment with
// the upload's own id. The sandbox's accounts are named after their ids (`sandbox6006`).
import { z } from 'zod';
import { findUrls } from '@/lib/platforms/links';
import { figuresOf, reported } from '../metrics';
import type { SandboxMedia, SandboxPost, SandboxState } from '../state';

// Every sandbox account joined on one day; Mastodon gives account creation as a midnight.
const CREATED_AT = '2012-04-16T00:00:00.000Z';
const BLURHASH = 'UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH';
const AUTOMATIC = { automatic: ['public'], manual: [], current_user: 'automatic' };

export const username = (account: string) => `sandbox${account}`;

export function account(id: string, origin: string, state: SandboxState) {
  const posts = state.recent('mastodon', id, Number.MAX_SAFE_INTEGER);
  const url = `${origin}/@${username(id)}`;
  return {
    id,
    username: username(id),
    acct: username(id),
    display_name: `Sandbox account ${id}`,
    locked: false,
    bot: false,
    discoverable: true,
    indexable: true,
    group: false,
    created_at: CREATED_AT,
    note: '',
    url,
    uri: `${origin}/users/${username(id)}`,
    avatar: `${origin}/avatars/original/missing.png`,
    avatar_static: `${origin}/avatars/original/missing.png`,
    header: `${origin}/headers/original/missing.png`,
    header_static: `${origin}/headers/original/missing.png`,
    followers_count: 1200,
    following_count: 150,
    statuses_count: posts.length,
    last_status_at: posts[0]?.receivedAt.toISOString().slice(0, 10) ?? null,
    hide_collections: false,
    noindex: false,
    emojis: [],
    roles: [],
    fields: [],
    feature_approval: AUTOMATIC,
  };
}

/** The account as its owner sees it from verify_credentials: with its source and role. */
export function credentialAccount(id: string, origin: string, state: SandboxState) {
  const role = {
    id: -99,
    name: '',
    color: '',
    position: -1,
    permissions: 65536,
    highlighted: false,
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    collection_limit: 0,
  };
  return {
    ...account(id, origin, state),
    source: {
      privacy: 'public',
      sensitive: false,
      language: 'en',
      note: '',
      fields: [],
      follow_requests_count: 0,
      hide_collections: false,
      discoverable: true,
      indexable: true,
      attribution_domains: [],
      quote_policy: 'public',
      role,
    },
    role,
  };
}

export function attachment(media: SandboxMedia) {
  const original = { width: 1080, height: 1080, size: '1080x1080', aspect: 1 };
  return {
    id: media.id ?? '',
    type: 'image',
    url: media.url,
    preview_url: media.url,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: { original, small: { ...original, width: 400, height: 400, size: '400x400' } },
    description: media.altText,
    blurhash: BLURHASH,
  };
}

export const Visibility = z.enum(['public', 'unlisted', 'private', 'direct']);

/** What the sandbox keeps of a status beside its text (SandboxPost.extra). */
export const StatusDetails = z.object({
  visibility: Visibility,
  language: z.string().nullable(),
  sensitive: z.boolean(),
  spoilerText: z.string(),
});
export type StatusDetails = z.infer<typeof StatusDetails>;

export function statusDetails(post: SandboxPost): StatusDetails {
  return StatusDetails.parse(post.extra);
}

export function status(
  post: SandboxPost,
  origin: string,
  state: SandboxState,
  viewer: string | null,
) {
  const figures = reported(figuresOf(post, state), [
    'replies_count',
    'reblogs_count',
    'favourites_count',
    'quotes_count',
  ]);
  const details = statusDetails(post);
  const own = viewer === post.account;
  return {
    id: post.id,
    created_at: post.receivedAt.toISOString(),
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: details.sensitive,
    spoiler_text: details.spoilerText,
    visibility: details.visibility,
    language: details.language,
    uri: `${origin}/users/${username(post.account)}/statuses/${post.id}`,
    url: `${origin}/@${username(post.account)}/${post.id}`,
    replies_count: figures.replies_count ?? 0,
    reblogs_count: figures.reblogs_count ?? 0,
    favourites_count: figures.favourites_count ?? 0,
    quotes_count: figures.quotes_count ?? 0,
    edited_at: null,
    content: statusHtml(post.text),
    reblog: null,
    application: { name: 'Signpost', website: null },
    account: account(post.account, origin, state),
    media_attachments: post.media.map(attachment),
    mentions: [],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
    quote: null,
    quote_approval: { ...AUTOMATIC, current_user: own ? 'automatic' : 'unknown' },
    ...(viewer === null
      ? {}
      : {
          favourited: false,
          reblogged: false,
          muted: false,
          bookmarked: false,
          pinned: false,
          filtered: [],
        }),
  };
}

/**
 * The status's `content` as Mastodon renders it: paragraphs at blank lines, <br /> at line breaks,
 * the text escaped, and each http(s) link an anchor that shows the address without its scheme.
 */
export function statusHtml(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => {
    let html = '';
    let at = 0;
    for (const found of findUrls(paragraph)) {
      if (!/^https?:\/\//i.test(found.url)) continue;
      const [, scheme = '', rest = ''] = /^(https?:\/\/)(.*)$/i.exec(found.url) ?? [];
      html += escapeHtml(paragraph.slice(at, found.start));
      html += `<a href="${escapeHtml(found.url)}" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">${scheme}</span><span class="">${escapeHtml(rest)}</span><span class="invisible"></span></a>`;
      at = found.end;
    }
    html += escapeHtml(paragraph.slice(at));
    return `<p>${html.replace(/\n/g, '<br />')}</p>`;
  });
  return paragraphs.join('');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
