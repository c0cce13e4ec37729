// Everything the sandbox remembers, in memory: what was published (by id, and per account in
// order for the list endpoints), uploads and drafts awaiting a publish call, injected faults and
// the added latency. Kept in Maps so a publish is O(1) at any volume.
import type { Platform } from '@/lib/platforms/types';

export interface SandboxMedia {
  /** The platform's id for the upload, where it gives the attachment one of its own. */
  id?: string;
  altText: string | null;
  url: string | null;
  mimeType: string | null;
  bytes: number | null;
}

export interface SandboxPost {
  platform: Platform;
  account: string;
  id: string;
  text: string;
  media: SandboxMedia[];
  receivedAt: Date;
  /** Platform-specific details a read endpoint gives back (facets, share link, …). */
  extra: Record<string, unknown>;
}

/** An image uploaded, or a container made, that a later publish call refers to. */
export interface SandboxDraft {
  platform: Platform;
  account: string;
  text: string;
  media: SandboxMedia[];
  /** Carousel containers (Instagram, Threads) list their item containers. */
  children: string[];
  published: boolean;
  /** A chunked upload (X): the size announced, the bytes of each segment received so far. */
  upload?: { totalBytes: number; segments: Map<number, number>; finalized: boolean };
}

/** What a consent page's "Authorise" granted, until the client trades the code (once). */
export interface SandboxAuthorisationCode {
  platform: Platform;
  client: string;
  redirectUri: string;
  /** The PKCE challenge and its method, when the client sent one. */
  challenge: { value: string; method: 'S256' | 'plain' } | null;
  account: string;
  scopes: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
  used: boolean;
}

export const FAULT_KINDS = ['429', '500', 'timeout', '401'] as const;
export type SandboxFaultKind = (typeof FAULT_KINDS)[number];
/** The calls a fault applies to: the one that creates a post, a metrics read, or (unset) both. */
export const FAULT_CALLS = ['publish', 'metrics'] as const;
export type SandboxCallKind = (typeof FAULT_CALLS)[number];

export interface SandboxFault {
  platform: Platform;
  account: string | null;
  kind: SandboxFaultKind;
  remaining: number;
  retryAfterSeconds: number;
  calls: SandboxCallKind | null;
}

/** A figure in the platform's own name: a count, counts by type (Facebook), or null (not reported). */
export type SandboxFigure = number | null | Record<string, number>;
export type SandboxFigures = Record<string, SandboxFigure>;

export class SandboxState {
  readonly posts = new Map<string, SandboxPost>();
  private readonly byAccount = new Map<string, SandboxPost[]>();
  readonly drafts = new Map<string, SandboxDraft>();
  /** Idempotency keys (Mastodon): `${platform}:${account}:${key}` → post id and when it was used. */
  readonly idempotency = new Map<string, { postId: string; at: number }>();
  /** Refresh tokens already traded (their jti): like X's and Bluesky's, each works once. */
  readonly spentRefreshTokens = new Set<string>();
  /** Authorisation codes handed out by the consent pages (sandbox/oauth/codes.ts), by code. */
  readonly authorisationCodes = new Map<string, SandboxAuthorisationCode>();
  /** Rate-limit windows by bucket (sandbox/rate-limits.ts). */
  readonly rateWindows = new Map<string, { used: number; resetAt: number }>();
  faults: SandboxFault[] = [];
  /** Figures set with POST /_sandbox/metrics, by `${platform}:${id}`, over the generated ones. */
  readonly figureOverrides = new Map<string, SandboxFigures>();
  /** Insights metrics Meta refuses with #100 besides the really retired ones (config). */
  retiredMetrics = new Set<string>();
  /** Calls each platform route received, by `${platform} ${method} ${route path}`. */
  readonly calls = new Map<string, number>();
  /** Told of every change to what is published (the state file writes it). */
  onChange: () => void = () => undefined;
  latencyMs = 0;
  /** Whether rate limits and X's duplicate-content rule apply (off for benchmarks). */
  quotas = true;
  /** The last TID's time (Bluesky record keys and revs), so each is later than the one before. */
  lastTidMicros = 0n;
  private sequence = 0;

  constructor(readonly now: () => Date = () => new Date()) {}

  /** A new id, unique in this sandbox: digits, as most platforms' ids are. */
  nextId(): string {
    this.sequence += 1;
    return String(1_700_000_000_000 + this.sequence);
  }

  /** Ids after this one (a state file's posts keep theirs). */
  get lastSequence(): number {
    return this.sequence;
  }

  set lastSequence(value: number) {
    this.sequence = Math.max(this.sequence, value);
  }

  record(post: SandboxPost): SandboxPost {
    this.posts.set(key(post.platform, post.id), post);
    const listKey = key(post.platform, post.account);
    const list = this.byAccount.get(listKey);
    // Lists are in publishing order; an adopted post from the past goes where it belongs.
    if (!list) this.byAccount.set(listKey, [post]);
    else if ((list.at(-1)?.receivedAt.getTime() ?? 0) <= post.receivedAt.getTime()) list.push(post);
    else {
      const at = list.findIndex((other) => other.receivedAt.getTime() > post.receivedAt.getTime());
      list.splice(at, 0, post);
    }
    this.onChange();
    return post;
  }

  /** The post is deleted on the platform: its reads answer "not found" from now on. */
  remove(platform: Platform, id: string): boolean {
    const post = this.find(platform, id);
    if (!post) return false;
    this.posts.delete(key(platform, id));
    this.figureOverrides.delete(key(platform, id));
    const listKey = key(platform, post.account);
    const list = this.byAccount.get(listKey)?.filter((other) => other !== post) ?? [];
    this.byAccount.set(listKey, list);
    this.onChange();
    return true;
  }

  /** The post reports these figures from now on (merged over what it reported before). */
  setFigures(platform: Platform, id: string, figures: SandboxFigures): SandboxFigures {
    const merged = { ...this.figureOverrides.get(key(platform, id)), ...figures };
    this.figureOverrides.set(key(platform, id), merged);
    this.onChange();
    return merged;
  }

  overrides(platform: Platform, id: string): SandboxFigures | undefined {
    return this.figureOverrides.get(key(platform, id));
  }

  countCall(platform: Platform, method: string, path: string): void {
    const name = `${platform} ${method} ${path}`;
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
  }

  find(platform: Platform, id: string): SandboxPost | undefined {
    return this.posts.get(key(platform, id));
  }

  /** The account's posts, newest first, at most `limit`. */
  recent(platform: Platform, account: string, limit: number): SandboxPost[] {
    const list = this.byAccount.get(key(platform, account)) ?? [];
    return list.slice(-limit).reverse();
  }

  list(filter: { platform?: Platform; account?: string }): SandboxPost[] {
    const all = [...this.posts.values()];
    return all.filter(
      (post) =>
        (filter.platform === undefined || post.platform === filter.platform) &&
        (filter.account === undefined || post.account === filter.account),
    );
  }

  forgetPosts(): number {
    const count = this.posts.size;
    this.posts.clear();
    this.byAccount.clear();
    this.drafts.clear();
    this.idempotency.clear();
    this.figureOverrides.clear();
    this.calls.clear();
    // A new test starts with full quotas.
    this.rateWindows.clear();
    this.onChange();
    return count;
  }

  /** Consumes one use of the first fault matching this publish or metrics call, if any. */
  takeFault(
    platform: Platform,
    account: string | null,
    call: SandboxCallKind,
  ): SandboxFault | null {
    const fault = this.faults.find(
      (f) =>
        f.platform === platform &&
        (f.account === null || f.account === account) &&
        (f.calls === null || f.calls === call),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}

function key(platform: Platform, id: string): string {
  return `${platform}:${id}`;
}
