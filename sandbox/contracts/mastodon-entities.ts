// Mastodon's entities (docs.joinmastodon.org/entities) as zod schemas, for the contract tests:
// each lists every key that masto 7's own entity types require (checked by the compiler against
// masto's types), with the value Mastodon sends. masto does not validate answers itself, so these
// stand in for "complete enough for the client": what masto's types promise, present.
import type { mastodon } from 'masto';
import { z } from 'zod';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** A shape with a schema for each key the masto type requires (and any optional ones). */
const shapeOf =
  <T>() =>
  <S extends Record<RequiredKeys<T>, z.ZodType>>(shape: S) =>
    shape;

const Time = z.iso.datetime({ offset: true });
const Url = z.url();
const Emoji = z.object({
  shortcode: z.string(),
  url: Url,
  staticUrl: Url,
  visibleInPicker: z.boolean(),
});
const Field = z.object({ name: z.string(), value: z.string(), verifiedAt: Time.nullable() });
const Policy = z.enum(['public', 'followers', 'following', 'unsupported_policy', 'nobody']);

const RoleShape = shapeOf<mastodon.v1.Role>()({
  id: z.union([z.number(), z.string()]),
  name: z.string(),
  color: z.string(),
  position: z.number(),
  permissions: z.union([z.number(), z.string()]),
  highlighted: z.boolean(),
  createdAt: Time,
  updatedAt: Time,
  collectionLimit: z.number(),
});

export const Account = z.looseObject(
  shapeOf<mastodon.v1.Account>()({
    id: z.string().regex(/^\d+$/),
    username: z.string().min(1),
    acct: z.string().min(1),
    url: Url,
    displayName: z.string(),
    note: z.string(),
    avatar: Url,
    avatarStatic: Url,
    header: Url,
    headerStatic: Url,
    locked: z.boolean(),
    fields: z.array(Field),
    emojis: z.array(Emoji),
    bot: z.boolean(),
    group: z.boolean(),
    createdAt: Time,
    lastStatusAt: z.iso.date().nullable(),
    statusesCount: z.number().int(),
    followersCount: z.number().int(),
    followingCount: z.number().int(),
    roles: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
    featureApproval: z.object({
      automatic: z.array(Policy),
      manual: z.array(Policy),
      currentUser: z.enum(['automatic', 'manual', 'denied', 'unknown']),
    }),
  }),
);

export const CredentialAccount = Account.extend({
  source: z.looseObject(
    shapeOf<mastodon.v1.AccountSource>()({
      attributionDomains: z.array(z.string()),
      note: z.string(),
      fields: z.array(Field),
      language: z.string().nullable(),
      indexable: z.boolean(),
      quotePolicy: Policy,
      role: z.looseObject(RoleShape),
    }),
  ),
  role: z.looseObject(RoleShape),
});

export const MediaAttachment = z.looseObject(
  shapeOf<mastodon.v1.MediaAttachment>()({
    id: z.string().regex(/^\d+$/),
    type: z.enum(['image', 'video', 'gifv', 'audio', 'unknown']),
    url: Url.nullable(),
    previewUrl: Url,
    remoteUrl: Url.nullable(),
    description: z.string().nullable(),
    blurhash: z.string().nullable(),
    meta: z.looseObject({}).nullable(),
  }),
);

export const Status = z.looseObject(
  shapeOf<mastodon.v1.Status>()({
    id: z.string().regex(/^\d+$/),
    uri: Url,
    url: Url.nullable(),
    createdAt: Time,
    editedAt: Time.nullable(),
    account: Account,
    content: z.string(),
    visibility: z.enum(['public', 'unlisted', 'private', 'direct']),
    sensitive: z.boolean(),
    spoilerText: z.string(),
    mediaAttachments: z.array(MediaAttachment),
    application: z.object({ name: z.string(), website: Url.nullable() }),
    mentions: z.array(z.unknown()),
    tags: z.array(z.unknown()),
    emojis: z.array(Emoji),
    reblogsCount: z.number().int(),
    favouritesCount: z.number().int(),
    repliesCount: z.number().int(),
    quotesCount: z.number().int(),
    quoteApproval: z.object({
      automatic: z.array(Policy),
      manual: z.array(Policy),
      currentUser: z.enum(['automatic', 'manual', 'denied', 'unknown']),
    }),
    inReplyToId: z.string().nullable(),
    inReplyToAccountId: z.string().nullable(),
    reblog: z.null(),
    poll: z.null(),
    card: z.unknown().nullable(),
    language: z.string().nullable(),
  }),
);

export const Instance = z.looseObject(
  shapeOf<mastodon.v2.Instance>()({
    domain: z.string().min(1),
    title: z.string(),
    version: z.string().regex(/^\d+\.\d+\.\d+/),
    sourceUrl: Url,
    description: z.string(),
    usage: z.object({ users: z.object({ activeMonth: z.number().int() }) }),
    thumbnail: z.object({ url: Url }).loose(),
    icon: z.array(z.object({ src: Url, size: z.string() })),
    languages: z.array(z.string()),
    configuration: z.looseObject({
      urls: z.object({ streaming: z.string() }).loose(),
      statuses: z.object({
        maxCharacters: z.number().int(),
        maxMediaAttachments: z.number().int(),
        charactersReservedPerUrl: z.number().int(),
      }),
      mediaAttachments: z.object({ supportedMimeTypes: z.array(z.string()) }).loose(),
    }),
    registrations: z.object({ enabled: z.boolean(), approvalRequired: z.boolean() }).loose(),
    apiVersions: z.object({ mastodon: z.number().int() }),
    contact: z.object({ email: z.string(), account: Account.nullable() }),
    rules: z.array(z.object({ id: z.string(), text: z.string(), hint: z.string() }).loose()),
  }),
);
