'use server';

import { approveMessage } from '@/lib/messages/approve-message';
import { commentOnMessage } from '@/lib/messages/comment-on-message';
import { createMessage } from '@/lib/messages/create-message';
import {
  CommentRequest,
  MessageChange,
  MessageInput,
  RejectRequest,
} from '@/lib/messages/message-schemas';
import { newVersion } from '@/lib/messages/new-version';
import { rejectMessage } from '@/lib/messages/reject-message';
import { submitMessage } from '@/lib/messages/submit-message';
import { updateMessage } from '@/lib/messages/update-message';
import { act, parseInput } from '../action-result';

export async function createMessageAction(input: unknown) {
  const parsed = parseInput(MessageInput, input);
  if (!parsed.ok) return parsed;
  return act(async (actor) => {
    const message = await createMessage(actor, parsed.data);
    return { id: message.id };
  }, 'Draft saved.');
}

export async function updateMessageAction(messageId: string, change: unknown) {
  const parsed = parseInput(MessageChange, change);
  if (!parsed.ok) return parsed;
  return act(
    async (actor) => void (await updateMessage(actor, messageId, parsed.data)),
    'Draft saved.',
  );
}

export async function submitMessageAction(messageId: string) {
  return act(async (actor) => {
    const { warnings } = await submitMessage(actor, messageId);
    return { warnings };
  }, 'Submitted for review. Another campaign lead will approve it.');
}

export async function approveMessageAction(messageId: string) {
  return act(async (actor) => {
    const { warnings } = await approveMessage(actor, messageId);
    return { warnings };
  }, 'Message approved. It can now be scheduled.');
}

export async function rejectMessageAction(messageId: string, input: unknown) {
  const parsed = parseInput(RejectRequest, input);
  if (!parsed.ok) return parsed;
  return act(
    async (actor) => void (await rejectMessage(actor, messageId, parsed.data)),
    'Sent back to its author as a draft, with your reason.',
  );
}

export async function newVersionAction(messageId: string) {
  return act(async (actor) => {
    const copy = await newVersion(actor, messageId);
    return { id: copy.id };
  }, 'New version created as your draft. Edit it, then submit it for review.');
}

export async function commentAction(messageId: string, input: unknown) {
  const parsed = parseInput(CommentRequest, input);
  if (!parsed.ok) return parsed;
  return act(
    async (actor) => void (await commentOnMessage(actor, messageId, parsed.data)),
    'Comment added.',
  );
}
