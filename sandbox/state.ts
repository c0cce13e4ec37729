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

export const FAULT_KINDS = ['429', '500', 'timeout', '401'] as const;
export type SandboxFaultKind = (typeof FAULT_KINDS)[number];

export interface SandboxFault {
  platform: Platform;
  account: string | null;
  kind: SandboxFaultKind;
  remaining: number;
  retryAfterSeconds: number;
}

export class SandboxState {
  readonly posts = new Map<string, SandboxPost>();
  private readonly byAccount = new Map<string, SandboxPost[]>();
  readonly drafts = new Map<string, SandboxDraft>();
  /** Idempotency keys (Mastodon): `${platform}:${account}:${key}` → post id and when it was used. */
  readonly idempotency = new Map<string, { postId: string; at: number }>();
  /** Refresh tokens already traded (their jti): like X's and Bluesky's, each works once. */
  readonly spentRefreshTokens = new Set<string>();
  /** Rate-limit windows by bucket (sandbox/rate-limits.ts). */
  readonly rateWindows = new Map<string, { used: number; resetAt: number }>();
  faults: SandboxFault[] = [];
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

  record(post: SandboxPost): SandboxPost {
    this.posts.set(key(post.platform, post.id), post);
    const listKey = key(post.platform, post.account);
    const list = this.byAccount.get(listKey);
    if (list) list.push(post);
    else this.byAccount.set(listKey, [post]);
    return post;
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
    // A new test starts with full quotas.
    this.rateWindows.clear();
    return count;
  }

  /** Consumes one use of the first fault matching this publish call, if any. */
  takeFault(platform: Platform, account: string | null): SandboxFault | null {
    const fault = this.faults.find(
      (f) => f.platform === platform && (f.account === null || f.account === account),
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
