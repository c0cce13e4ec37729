// For pages: the actor, or 403 when their roles do not reach the page at all. Known Next.js bug
// (vercel/next.js#62228, 15.x to 16.4): a page that calls forbidden() or notFound() answers with the
// right status but an empty HTML body; app/forbidden.tsx appears once the page hydrates. The status
// matters more than the first paint, so the 403 stays.
import { forbidden } from 'next/navigation';
import type { CurrentActor } from './actor';
import { mayOpen } from './navigation';
import type { Action } from './permissions';
import { requireActor } from './session-actor';

export async function requirePage(action: Action): Promise<CurrentActor> {
  const actor = await requireActor();
  if (!mayOpen(actor, action)) forbidden();
  return actor;
}
