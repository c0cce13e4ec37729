// The life of a message, as one pure function: draft → in_review → approved, or back to draft
// when a reviewer sends it back. An approved message never changes; a new version of it starts
// again as a draft. Every refusal says, in plain words, what would have to happen first.
import type { MessageStatus } from './message-schemas';

export const MESSAGE_ACTIONS = [
  'edit',
  'submit',
  'approve',
  'reject',
  'new_version',
  'comment',
] as const;
export type MessageAction = (typeof MESSAGE_ACTIONS)[number];

export type MessageTransition = { ok: true; status: MessageStatus } | { ok: false; reason: string };

const to = (status: MessageStatus): MessageTransition => ({ ok: true, status });
const refuse = (reason: string): MessageTransition => ({ ok: false, reason });

const ARCHIVED = 'This message is archived; nothing more can be done with it.';

/**
 * What becomes of a message in `status` when someone does `action`. `new_version` leaves the
 * approved message as it is (the copy is a new draft), and comments never change the status.
 */
export function messageTransition(status: MessageStatus, action: MessageAction): MessageTransition {
  switch (action) {
    case 'edit':
      if (status === 'draft') return to('draft');
      if (status === 'in_review')
        return refuse(
          'This message is waiting for review, so it cannot be edited. A campaign lead must send it back to draft first.',
        );
      if (status === 'approved')
        return refuse(
          'This message is approved, so it can no longer be edited. Make a new version of it to change the wording.',
        );
      return refuse(ARCHIVED);
    case 'submit':
      if (status === 'draft') return to('in_review');
      if (status === 'in_review')
        return refuse('This message has already been submitted and is waiting for review.');
      if (status === 'approved') return refuse('This message is already approved.');
      return refuse(ARCHIVED);
    case 'approve':
      if (status === 'in_review') return to('approved');
      if (status === 'draft')
        return refuse('This message is still a draft; its author must submit it for review first.');
      if (status === 'approved') return refuse('This message is already approved.');
      return refuse(ARCHIVED);
    case 'reject':
      if (status === 'in_review') return to('draft');
      if (status === 'draft')
        return refuse(
          'This message is a draft, not waiting for review, so there is nothing to send back.',
        );
      if (status === 'approved')
        return refuse(
          'This message is already approved. Make a new version of it if the wording must change.',
        );
      return refuse(ARCHIVED);
    case 'new_version':
      if (status === 'approved') return to('approved');
      return refuse(
        status === 'archived'
          ? ARCHIVED
          : 'Only an approved message can be copied into a new version; edit this one while it is a draft.',
      );
    case 'comment':
      return to(status);
  }
}
