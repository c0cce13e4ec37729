// What one publish job comes to, and what it runs with. In a file of their own so the modules of
// publishing (publish, record the outcome, verify the unconfirmed) depend on these, not on each
// other.
import type { Logger } from '../log';

export interface PublishContext {
  log: Logger;
  workerId: string;
  now?: () => Date;
}

export type PublishOutcome =
  | { kind: 'published'; externalId: string }
  | { kind: 'held'; reason: string }
  | { kind: 'failed' | 'retry_scheduled' | 'unconfirmed' | 'still_unconfirmed'; reason: string }
  /** The channel is rate limited: run this job again at `until` (not an attempt). */
  | { kind: 'deferred'; until: Date }
  | { kind: 'skipped'; reason: string };
