// The I/O half of the platform interface: one adapter per platform speaks that platform's real
// HTTP API (base URL configurable; the sandbox in development and tests). Server only.
import type { Platform, RenderedLink } from './types';

/** What an adapter needs to act as a channel. Credentials are already decrypted. */
export interface ChannelConnection {
  channelId: string;
  platform: Platform;
  handle: string;
  /** The platform's id for the account: page id, IG user id, DID, author URN, … */
  externalAccountId: string;
  /** Root of the platform's API, without a trailing slash (the sandbox in dev and tests). */
  baseUrl: string;
  credentials: Record<string, string>;
}

export interface PublishMedia {
  /** A URL the platform can fetch the image from (Instagram and Threads need one). */
  url: string;
  mimeType: string;
  altText: string;
  /** The image's bytes, for platforms that take an upload. */
  read(): Promise<Uint8Array>;
}

export interface PublishRequest {
  /** Signpost's post id: sent where the platform allows it, and used to find a post again. */
  postId: string;
  text: string;
  links: RenderedLink[];
  media: PublishMedia[];
}

export interface RateLimitState {
  /** Calls left in the current window, if the platform said. */
  remaining: number | null;
  /** When the window resets, if the platform said. */
  resetAt: Date | null;
}

export interface PublishResult {
  externalId: string;
  externalUrl: string | null;
  rateLimit: RateLimitState | null;
}

/** One post's figures as the platform reported them, normalised (API.md's table). A figure the platform does not report is null, never 0. */
export interface PostFigures {
  views: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  linkClicks: number | null;
  /** The platform's own answer for this post (JSON-serialisable), stored beside the figures. */
  raw: unknown;
}

export interface MetricsRequest {
  externalId: string;
  publishedAt: Date;
}

/** `removed`: the platform says the post no longer exists (404, or absent from a batch answer that names what it could not find). */
export type MetricsAnswer = { kind: 'figures'; figures: PostFigures } | { kind: 'removed' };

export type PlatformErrorKind = 'transient' | 'auth' | 'permanent';

/**
 * A classified failure from a platform call.
 * - transient: 429, 5xx, timeouts, network errors — retry later (after retryAfterMs if given);
 * - auth: 401/403 — the channel needs re-authorising; its posts are held;
 * - permanent: any other 4xx — the post fails with the platform's own message.
 * `outcomeUnknown` is true when the request may have reached the platform (a timeout after
 * sending), so the post must be looked for before it is sent again.
 */
export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly options: {
      httpStatus?: number;
      retryAfterMs?: number;
      outcomeUnknown?: boolean;
      rateLimit?: RateLimitState;
    } = {},
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/**
 * Access tokens that expire and are renewed with a refresh token (X's OAuth 2.0 user tokens last
 * two hours). The publishing side renews them before use, one renewal at a time per channel, and
 * stores what the platform gave back: a refresh token may work only once.
 */
export interface TokenRenewal {
  /** Whether these credentials can be renewed at all (they hold a refresh token). */
  renewable(credentials: Record<string, string>): boolean;
  /** Whether they must be renewed before being used at `now` (they expire soon or have). */
  due(credentials: Record<string, string>, now: Date): boolean;
  /**
   * Trades the refresh token for new credentials: the whole set to store. Throws PlatformError,
   * 'auth' when the platform refuses the refresh token (the account must be connected again).
   */
  renew(
    connection: ChannelConnection,
    now: Date,
    signal: AbortSignal,
  ): Promise<Record<string, string>>;
}

export interface PlatformAdapter {
  platform: Platform;
  /** Present on platforms whose access tokens expire and can be renewed. */
  tokenRenewal?: TokenRenewal;
  /** Publishes the post; throws PlatformError on failure. */
  publish(
    connection: ChannelConnection,
    request: PublishRequest,
    signal: AbortSignal,
  ): Promise<PublishResult>;
  /**
   * Looks on the platform for a post this channel published for `request` since `since` (used
   * when an earlier attempt's outcome is unknown). Null when it is not there.
   */
  findExisting(
    connection: ChannelConnection,
    request: PublishRequest,
    since: Date,
    signal: AbortSignal,
  ): Promise<PublishResult | null>;
  /** How many posts one metrics call reads: X 100, Bluesky 25, the others 1. */
  metricsBatchSize: number;
  /**
   * Reads the figures of up to metricsBatchSize posts of this channel in as few calls as the platform allows.
   * Keyed by externalId; every requested post has an answer. Throws PlatformError as publish does
   * (auth for 401/403 — an expired token; transient for 429/5xx/timeouts with retryAfterMs; permanent otherwise).
   * `now` decides age-dependent choices (X's non_public_metrics only for posts under 30 days old).
   */
  metrics(
    connection: ChannelConnection,
    posts: readonly MetricsRequest[],
    signal: AbortSignal,
    now: Date,
  ): Promise<Map<string, MetricsAnswer>>;
}
