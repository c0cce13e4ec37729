// For pages: the actor, or 403 when their roles do not reach the page at all.
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
