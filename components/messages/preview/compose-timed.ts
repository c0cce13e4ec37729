import { type ComposeDraft, composePreview } from '@/lib/messages/compose-preview';

/**
 * The draft rendered for every platform, and how long the renderer took. The time is only
 * reported (on the preview's data attributes, for the benchmark), never rendered, so reading the
 * clock here does not make what React renders depend on it.
 */
export function composeTimed(draft: ComposeDraft) {
  const started = performance.now();
  const rendered = composePreview(draft);
  return { rendered, ms: performance.now() - started };
}
