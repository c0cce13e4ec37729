// Messages: drafted, reviewed by four eyes, commented on and previewed per channel.
import { z } from 'zod';
import {
  CommentRequest,
  CommentView,
  MessageChange,
  MessageDetail,
  MessageInput,
  MessageListFilter,
  MessageView,
  RejectRequest,
  ReviewedMessage,
} from '../../messages/message-schemas';
import { MessagePreview, PreviewQuery } from '../../messages/preview-message';
import { defineEndpoint } from '../endpoint';
import { ListQuery, listOf } from '../pagination';

export const MessageParams = z.object({ id: z.string().min(1).max(100) });

export const createMessageEndpoint = defineEndpoint({
  method: 'post',
  path: '/messages',
  summary: 'Draft a message (campaign leads, comms officers); it starts as a draft of yours',
  tag: 'Messages',
  access: 'signed_in',
  body: MessageInput,
  response: MessageView,
  successStatus: 201,
  errors: ['forbidden', 'conflict', 'payload_too_large'],
});

export const listMessagesEndpoint = defineEndpoint({
  method: 'get',
  path: '/messages',
  summary:
    'Messages you may see, newest first (partners: approved, shareable ones only); `q` finds words in the title, body or overrides',
  tag: 'Messages',
  access: 'signed_in',
  query: ListQuery.extend(MessageListFilter.shape),
  response: listOf(MessageView),
});

export const getMessageEndpoint = defineEndpoint({
  method: 'get',
  path: '/messages/{id}',
  summary: 'One message with its comments',
  tag: 'Messages',
  access: 'signed_in',
  params: MessageParams,
  response: MessageDetail,
});

export const updateMessageEndpoint = defineEndpoint({
  method: 'patch',
  path: '/messages/{id}',
  summary: 'Edit your draft; a message in review or approved cannot be edited (409)',
  tag: 'Messages',
  access: 'signed_in',
  params: MessageParams,
  body: MessageChange,
  response: MessageView,
  errors: ['forbidden', 'conflict', 'payload_too_large'],
});

export const submitMessageEndpoint = defineEndpoint({
  method: 'post',
  path: '/messages/{id}/submit',
  summary: 'Send your draft for review (draft → in_review), with warnings per platform',
  tag: 'Messages',
  access: 'signed_in',
  params: MessageParams,
  response: ReviewedMessage,
  errors: ['forbidden', 'conflict'],
});

export const approveMessageEndpoint = defineEndpoint({
  method: 'post',
  path: '/messages/{id}/approve',
  summary: 'Approve a message in review (campaign leads who did not write it)',
  tag: 'Messages',
  access: 'signed_in',
  params: MessageParams,
  response: ReviewedMessage,
  errors: ['forbidden', 'conflict'],
});

export const rejectMessageEndpoint = defineEndpoint({
  method: 'post',
  path: '/messages/{id}/reject',
  summary: 'Send a message in review back to draft, saying why (campaign leads)',
  tag: 'Messages',
  access: 'signed_in',
  params: MessageParams,
  body: RejectRequest,
  response: MessageView,
  errors: ['forbidden', 'conflict'],
});

export const newVersionEndpoint = defineEndpoint({
  method: 'post',
  path: '/messages/{id}/new-version',
  summary: 'Copy an approved message into a new draft of yours, to change its wording',
  tag: 'Messages',
  access: 'signed_in',
  params: MessageParams,
  response: MessageView,
  successStatus: 201,
  errors: ['forbidden', 'conflict'],
});

export const commentOnMessageEndpoint = defineEndpoint({
  method: 'post',
  path: '/messages/{id}/comments',
  summary: 'Comment on a message (campaign leads, comms officers)',
  tag: 'Messages',
  access: 'signed_in',
  params: MessageParams,
  body: CommentRequest,
  response: CommentView,
  successStatus: 201,
  errors: ['forbidden', 'payload_too_large'],
});

export const listCommentsEndpoint = defineEndpoint({
  method: 'get',
  path: '/messages/{id}/comments',
  summary: 'A message’s comments, oldest first',
  tag: 'Messages',
  access: 'signed_in',
  params: MessageParams,
  query: ListQuery,
  response: listOf(CommentView),
});

export const previewMessageEndpoint = defineEndpoint({
  method: 'get',
  path: '/messages/{id}/preview',
  summary: 'Exactly what would be published now on a channel you may see',
  tag: 'Messages',
  access: 'signed_in',
  params: MessageParams,
  query: PreviewQuery,
  response: MessagePreview,
});
