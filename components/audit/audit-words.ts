// The audit log in words: what each recorded action means, as a sentence about its subject. Pure.

export const AUDIT_ENTITY_TYPES = [
  { value: 'message', label: 'Messages' },
  { value: 'campaign', label: 'Campaigns' },
  { value: 'post', label: 'Posts' },
  { value: 'signpost', label: 'Signpost' },
  { value: 'pause', label: 'Pauses' },
  { value: 'blackout', label: 'Blackouts' },
  { value: 'channel', label: 'Channels' },
  { value: 'media', label: 'Images' },
  { value: 'api_token', label: 'API tokens' },
  { value: 'user', label: 'Sign-ins' },
] as const;

/** Each action as a phrase; {subject} is replaced by what it was done to. */
const ACTIONS: Record<string, { label: string; phrase: string }> = {
  'campaign.create': { label: 'Campaign started', phrase: 'started the campaign {subject}' },
  'campaign.update': { label: 'Campaign changed', phrase: 'changed the campaign {subject}' },
  'campaign.archive': { label: 'Campaign archived', phrase: 'archived the campaign {subject}' },
  'message.create': { label: 'Message drafted', phrase: 'drafted the message {subject}' },
  'message.update': { label: 'Draft edited', phrase: 'edited the draft {subject}' },
  'message.submit': {
    label: 'Submitted for review',
    phrase: 'submitted the message {subject} for review',
  },
  'message.approve': { label: 'Message approved', phrase: 'approved the message {subject}' },
  'message.reject': {
    label: 'Sent back to draft',
    phrase: 'sent the message {subject} back to its author',
  },
  'message.new_version': {
    label: 'New version made',
    phrase: 'made a new version of the message {subject}',
  },
  'message.comment': { label: 'Comment', phrase: 'commented on the message {subject}' },
  'signpost.update': {
    label: 'Signpost changed',
    phrase: 'changed the signpost, making {subject}',
  },
  'post.scheduled': { label: 'Post scheduled', phrase: 'scheduled {subject}' },
  'post.rescheduled': { label: 'Post rescheduled', phrase: 'rescheduled {subject}' },
  'post.cancelled': { label: 'Post cancelled', phrase: 'cancelled {subject}' },
  'post.released': { label: 'Post released', phrase: 'released {subject}' },
  'post.retried': { label: 'Post retried', phrase: 'asked to try {subject} again' },
  'post.held': { label: 'Post held', phrase: 'held {subject}' },
  'post.unconfirmed': {
    label: 'Outcome unknown',
    phrase: 'could not confirm whether {subject} was published',
  },
  'post.confirmed_on_platform': {
    label: 'Found on platform',
    phrase: 'found {subject} on the platform',
  },
  'post.not_found_on_platform': {
    label: 'Not on platform',
    phrase: 'did not find {subject} on the platform',
  },
  'pause.created': { label: 'Publishing paused', phrase: 'paused publishing' },
  'pause.lifted': { label: 'Pause lifted', phrase: 'lifted a pause' },
  'blackout.created': { label: 'Blackout set', phrase: 'set a blackout' },
  'blackout.removed': { label: 'Blackout removed', phrase: 'removed a blackout' },
  'channel.needs_reauth': {
    label: 'Channel needs re-authorising',
    phrase: 'marked the channel {subject} as needing re-authorising',
  },
  'channel.connected': {
    label: 'Channel connected',
    phrase: 'stored new credentials for the channel {subject}',
  },
  'channel.token_renewed': {
    label: 'Access token renewed',
    phrase: 'renewed the access token of the channel {subject}',
  },
  'media.uploaded': { label: 'Image uploaded', phrase: 'uploaded an image' },
  'api_token.created': { label: 'API token created', phrase: 'created the API token {subject}' },
  'api_token.revoked': { label: 'API token revoked', phrase: 'revoked an API token' },
  'user.signed_in': { label: 'Signed in', phrase: 'signed in' },
};

export const AUDIT_ACTIONS = Object.entries(ACTIONS).map(([value, { label }]) => ({
  value,
  label,
}));

/** "approved the message “Real children, real harm”". */
export function describeAction(
  action: string,
  subject: string | undefined,
  entity: string,
): string {
  const known = ACTIONS[action];
  if (!known) return `${action.replace(/[._]/g, ' ')} (${entity})`;
  return known.phrase.replace('{subject}', subject ?? `a ${entity.replace('_', ' ')}`);
}
