// Plausible reach figures for a sandbox post: deterministic from the post's id and the time since
// it was published, growing quickly at first and levelling off over a couple of days, so the
// metrics worker and the reach pages have something real-looking to show.
import type { SandboxPost } from './state';

export interface SandboxReach {
  impressions: number;
  likes: number;
  comments: number;
  shares: number;
  quotes: number;
  clicks: number;
}

export function reachOf(post: SandboxPost, now: Date): SandboxReach {
  const seed = hash(`${post.platform}:${post.id}`);
  const hours = Math.max(0, (now.getTime() - post.receivedAt.getTime()) / 3_600_000);
  const growth = 1 - Math.exp(-hours / 8);
  const audience = 300 + (seed % 4700);
  const impressions = Math.round(audience * growth);
  const likeRate = 0.01 + ((seed >>> 8) % 30) / 1000;
  const likes = Math.round(impressions * likeRate);
  const shares = Math.round(likes * 0.2);
  return {
    impressions,
    likes,
    comments: Math.round(likes * 0.15),
    shares,
    quotes: Math.round(shares * 0.25),
    clicks: Math.round(impressions * (0.004 + ((seed >>> 16) % 20) / 1000)),
  };
}

/** FNV-1a, 32-bit: cheap and stable across runs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
