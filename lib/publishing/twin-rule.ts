// Welsh and English go out together (issue 13): an English post never goes out while its Welsh
// twin has not. Welsh first: the English waits while its twin is still to publish or in doubt
// (unconfirmed: the reconcile finds it published, or schedules it again, within seconds), and is
// held with it when the Welsh is held, failed or cancelled, so a pause on the Welsh account holds
// the English too. Pure: the worker asks before it claims an English post.
import type { PostStatus } from '../posts/state-machine';

export interface Twin {
  language: 'en' | 'cy' | 'bilingual';
  status: PostStatus;
  heldReason: string | null;
}

export type TwinDecision = { kind: 'go' } | { kind: 'wait' } | { kind: 'hold'; reason: string };

/** How long an English post waits for its Welsh twin to publish before it asks again. */
export const TWIN_WAIT_MS = 1_000;

const STOPPED: Partial<Record<PostStatus, string>> = {
  held: 'is held',
  failed: 'failed',
  cancelled: 'was cancelled',
};

export function twinDecision(post: { language: string }, twins: readonly Twin[]): TwinDecision {
  if (post.language !== 'en') return { kind: 'go' };
  const welsh = twins.filter((twin) => twin.language === 'cy');
  for (const twin of welsh) {
    const stopped = STOPPED[twin.status];
    if (stopped)
      return {
        kind: 'hold',
        reason: `Held with its Welsh twin, which ${stopped}${twin.heldReason ? ` (${twin.heldReason})` : ''}: Welsh and English go out together.`,
      };
  }
  if (welsh.some((twin) => twin.status !== 'published')) return { kind: 'wait' };
  return { kind: 'go' };
}
