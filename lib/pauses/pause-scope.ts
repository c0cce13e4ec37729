// Which posts a pause covers, as database filters, built from the one rule in
// lib/scheduling/holds.ts (PAUSE_SCOPE_FIELD): a global pause covers every post, a scoped one the
// posts whose organisation, channel or campaign it names. The worker's one-statement read
// (lib/publishing/load-post.ts) uses the SQL form of the same rule.
import type { Prisma } from '@/prisma/generated/client';
import { PAUSE_SCOPE_FIELD, type PauseFacts, type PauseScope } from '../scheduling/holds';

type ScopedPause = Pick<PauseFacts, 'scope' | 'organisationId' | 'channelId' | 'campaignId'>;
type ScopedPost = { organisationId: string; channelId: string; campaignId: string };

const SCOPED = Object.entries(PAUSE_SCOPE_FIELD) as [
  Exclude<PauseScope, 'global'>,
  (typeof PAUSE_SCOPE_FIELD)[Exclude<PauseScope, 'global'>],
][];

/** The posts the pause covers. */
export function postsCoveredBy(pause: ScopedPause): Prisma.PostWhereInput {
  if (pause.scope === 'global') return {};
  const field = PAUSE_SCOPE_FIELD[pause.scope];
  // A scoped pause without its id covers nothing (holds.ts says the same).
  return { [field]: pause[field] ?? { in: [] } };
}

/** The pauses, on or not, whose scope covers the post. */
export function pausesCovering(post: ScopedPost): Prisma.PauseWhereInput {
  return {
    OR: [{ scope: 'global' }, ...SCOPED.map(([scope, field]) => ({ scope, [field]: post[field] }))],
  };
}

/** The same as SQL over a pause row `pause` and a post row `post`. */
export function pausesCoveringSql(pause: string, post: string): string {
  const scoped = SCOPED.map(
    ([scope, field]) =>
      `(${pause}.scope = '${scope}' AND ${pause}."${field}" = ${post}."${field}")`,
  );
  return `(${pause}.scope = 'global' OR ${scoped.join(' OR ')})`;
}
