// X API v2's fields model (docs.x.com, "Fields" and "Expansions"): an object comes back with its
// default fields only (a post: id, text, edit_history_tweet_ids; a user: id, name, username; media:
// media_key, type), plus the `tweet.fields`, `user.fields` and `media.fields` asked for, and the
// objects named by `expansions` in `includes`. Unknown names are refused as X refuses them.
import { figuresOf, reported } from '../metrics';
import { Refusal } from '../routes';
import type { SandboxPost, SandboxState } from '../state';
import type { XCaller } from './x-auth';
import { xError } from './x-errors';
import { asShown } from './x-text';

const TWEET_FIELDS = (
  'article attachments author_id card_uri community_id context_annotations ' +
  'conversation_id created_at display_text_range edit_controls edit_history_tweet_ids ' +
  'entities geo id in_reply_to_user_id lang media_metadata non_public_metrics note_tweet ' +
  'organic_metrics possibly_sensitive promoted_metrics public_metrics referenced_tweets ' +
  'reply_settings scopes source suggested_source_links text withheld'
).split(' ');
const USER_FIELDS = (
  'affiliation connection_status created_at description entities id is_identity_verified ' +
  'location most_recent_tweet_id name parody pinned_tweet_id profile_banner_url ' +
  'profile_image_url protected public_metrics receives_your_dm subscription ' +
  'subscription_type url username verified verified_followers_count verified_type ' +
  'withheld'
).split(' ');
const MEDIA_FIELDS = (
  'alt_text duration_ms height media_key non_public_metrics organic_metrics ' +
  'preview_image_url promoted_metrics public_metrics type url variants width'
).split(' ');
const EXPANSIONS = (
  'article.cover_media article.media_entities attachments.media_keys ' +
  'attachments.media_source_tweet attachments.poll_ids author_id edit_history_tweet_ids ' +
  'entities.mentions.username entities.note.mentions.username geo.place_id ' +
  'in_reply_to_user_id referenced_tweets.id referenced_tweets.id.attachments.media_keys ' +
  'referenced_tweets.id.author_id'
).split(' ');
// Only the author may read these; to anyone else X names them in a partial error.
const OWNER_ONLY = ['non_public_metrics', 'organic_metrics', 'promoted_metrics'];
// X keeps these for 30 days after posting; for an older post it names them in a partial error.
const NON_PUBLIC_DAYS = 30;
// The sandbox's accounts were all created on one day.
const ACCOUNT_CREATED_AT = '2012-04-16T09:00:00.000Z';

export interface XFields {
  tweet: Set<string>;
  user: Set<string>;
  media: Set<string>;
  expansions: Set<string>;
}

export function readFields(query: URLSearchParams): XFields {
  const list = (name: string, allowed: readonly string[]) => {
    const values = (query.get(name) ?? '').split(',').filter(Boolean);
    const unknown = values.filter((value) => !allowed.includes(value));
    if (unknown.length > 0) {
      throw new Refusal(
        xError(
          400,
          `The \`${name}\` query parameter value [${unknown.join(',')}] is not one of [${allowed.join(',')}]`,
        ),
      );
    }
    return new Set(values);
  };
  const expansions = list('expansions', EXPANSIONS);
  const tweet = list('tweet.fields', TWEET_FIELDS);
  // An expansion brings the field it expands with it.
  if (expansions.has('author_id')) tweet.add('author_id');
  if (expansions.has('attachments.media_keys')) tweet.add('attachments');
  return {
    tweet,
    user: list('user.fields', USER_FIELDS),
    media: list('media.fields', MEDIA_FIELDS),
    expansions,
  };
}

/** Posts as X answers a lookup: `data`, `includes` for the expansions, partial `errors`. */
export function renderTweets(
  posts: SandboxPost[],
  fields: XFields,
  viewer: XCaller,
  state: SandboxState,
) {
  const errors: Record<string, unknown>[] = [];
  const data = posts.map((post) => {
    const owner = viewer.kind === 'user' && viewer.account === post.account;
    const fresh = state.now().getTime() - post.receivedAt.getTime() < NON_PUBLIC_DAYS * 86_400_000;
    for (const field of OWNER_ONLY) {
      if (!fields.tweet.has(field)) continue;
      if (!owner) errors.push(fieldNotAllowed(field, post.id));
      else if (!fresh) errors.push(fieldExpired(field, post.id));
    }
    return renderTweet(post, fields, owner && fresh, state);
  });
  const users = fields.expansions.has('author_id')
    ? [...new Set(posts.map((post) => post.account))].map((id) =>
        renderUser(id, fields.user, state),
      )
    : [];
  const media = fields.expansions.has('attachments.media_keys')
    ? posts.flatMap((post) => post.media.map((item) => renderMedia(item, fields.media)))
    : [];
  const includes = {
    ...(users.length > 0 ? { users } : {}),
    ...(media.length > 0 ? { media } : {}),
  };
  return { data, includes: Object.keys(includes).length > 0 ? includes : undefined, errors };
}

function renderTweet(post: SandboxPost, fields: XFields, owner: boolean, state: SandboxState) {
  const shown = asShown(post);
  const has = (field: string) => fields.tweet.has(field);
  const figures = figuresOf(post, state);
  const mediaKeys = post.media.map((item) => `3_${item.id ?? ''}`);
  return {
    id: post.id,
    text: shown.text,
    edit_history_tweet_ids: [post.id],
    ...(has('author_id') ? { author_id: post.account } : {}),
    ...(has('created_at') ? { created_at: post.receivedAt.toISOString() } : {}),
    ...(has('conversation_id') ? { conversation_id: post.id } : {}),
    ...(has('lang') ? { lang: 'en' } : {}),
    ...(has('possibly_sensitive') ? { possibly_sensitive: false } : {}),
    ...(has('reply_settings') ? { reply_settings: 'everyone' } : {}),
    ...(has('entities') && shown.urls.length > 0 ? { entities: { urls: shown.urls } } : {}),
    ...(has('attachments') && mediaKeys.length > 0
      ? { attachments: { media_keys: mediaKeys } }
      : {}),
    ...(has('edit_controls')
      ? {
          edit_controls: {
            edits_remaining: 5,
            is_edit_eligible: true,
            editable_until: new Date(post.receivedAt.getTime() + 3_600_000).toISOString(),
          },
        }
      : {}),
    ...(has('public_metrics')
      ? {
          public_metrics: reported(figures, [
            'retweet_count',
            'reply_count',
            'like_count',
            'quote_count',
            'bookmark_count',
            'impression_count',
          ]),
        }
      : {}),
    ...(has('non_public_metrics') && owner
      ? {
          non_public_metrics: reported(figures, [
            'impression_count',
            'url_link_clicks',
            'user_profile_clicks',
          ]),
        }
      : {}),
  };
}

export function renderUser(id: string, fields: Set<string>, state: SandboxState) {
  const has = (field: string) => fields.has(field);
  return {
    id,
    name: `Sandbox account ${id}`,
    username: `sandbox${id}`,
    ...(has('created_at') ? { created_at: ACCOUNT_CREATED_AT } : {}),
    ...(has('description') ? { description: '' } : {}),
    ...(has('protected') ? { protected: false } : {}),
    ...(has('verified') ? { verified: false } : {}),
    ...(has('profile_image_url')
      ? { profile_image_url: 'https://pbs.twimg.com/profile_images/default_normal.png' }
      : {}),
    ...(has('public_metrics')
      ? {
          public_metrics: {
            followers_count: 1200,
            following_count: 150,
            tweet_count: state.recent('x', id, Number.MAX_SAFE_INTEGER).length,
            listed_count: 12,
            like_count: 0,
            media_count: 0,
          },
        }
      : {}),
  };
}

function renderMedia(media: SandboxPost['media'][number], fields: Set<string>) {
  return {
    media_key: `3_${media.id ?? ''}`,
    type: 'photo',
    ...(fields.has('alt_text') && media.altText !== null ? { alt_text: media.altText } : {}),
    ...(fields.has('width') ? { width: 1080 } : {}),
    ...(fields.has('height') ? { height: 1080 } : {}),
    ...(fields.has('url') ? { url: `https://pbs.twimg.com/media/${media.id ?? ''}.png` } : {}),
  };
}

function fieldExpired(field: string, id: string) {
  return {
    ...fieldNotAllowed(field, id),
    detail: `Sorry, '${field}' is only available for Tweets created in the last ${NON_PUBLIC_DAYS} days: ${id}.`,
    title: 'Field Unavailable Error',
    type: 'https://api.twitter.com/2/problems/resource-unavailable',
  };
}

function fieldNotAllowed(field: string, id: string) {
  return {
    value: id,
    detail: `Sorry, you are not authorized to access '${field}' on the Tweet with ids: ${id}.`,
    title: 'Field Authorization Error',
    resource_type: 'tweet',
    field,
    parameter: field,
    resource_id: id,
    section: 'data',
    type: 'https://api.twitter.com/2/problems/not-authorized-for-field',
  };
}
