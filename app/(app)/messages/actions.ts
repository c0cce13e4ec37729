'use server';

import { z } from 'zod';
import { RecordId } from '@/lib/api/record-id';
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
import { serverAction } from '../action-result';

export const createMessageAction = serverAction(
  z.tuple([MessageInput]),
  async (actor, [input]) => {
    const message = await createMessage(actor, input);
    return { id: message.id };
  },
  'Draft saved.',
);

export const updateMessageAction = serverAction(
  z.tuple([RecordId.describe('messageId'), MessageChange]),
  async (actor, [messageId, change]) => void (await updateMessage(actor, messageId, change)),
  'Draft saved.',
);

export const submitMessageAction = serverAction(
  z.tuple([RecordId.describe('messageId')]),
  async (actor, [messageId]) => {
    const { warnings } = await submitMessage(actor, messageId);
    return { warnings };
  },
  'Submitted for review. Another campaign lead will approve it.',
);

export const approveMessageAction = serverAction(
  z.tuple([RecordId.describe('messageId')]),
  async (actor, [messageId]) => {
    const { warnings } = await approveMessage(actor, messageId);
    return { warnings };
  },
  'Message approved. It can now be scheduled.',
);

export const rejectMessageAction = serverAction(
  z.tuple([RecordId.describe('messageId'), RejectRequest]),
  async (actor, [messageId, request]) => void (await rejectMessage(actor, messageId, request)),
  'Sent back to its author as a draft, with your reason.',
);

export const newVersionAction = serverAction(
  z.tuple([RecordId.describe('messageId')]),
  async (actor, [messageId]) => {
    const copy = await newVersion(actor, messageId);
    return { id: copy.id };
  },
  'New version created as your draft. Edit it, then submit it for review.',
);

export const commentAction = serverAction(
  z.tuple([RecordId.describe('messageId'), CommentRequest]),
  async (actor, [messageId, request]) => void (await commentOnMessage(actor, messageId, request)),
  'Comment added.',
);
