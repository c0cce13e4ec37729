// Every action the audit log records, in one typed list: recordAudit accepts only these, and the
// log reads each as a sentence about its subject. An action's name starts with the kind of thing
// it is done to ("post.held" is about a post), which is the event's entity type. Pure.

/** The kinds of thing the log records actions on, as the filter names them. */
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
  { value: 'calendar_feed', label: 'Calendar feeds' },
  { value: 'outcome', label: 'Help-seeking figures' },
  { value: 'webhook', label: 'Webhooks' },
  { value: 'user', label: 'People and sign-ins' },
  { value: 'organisation', label: 'Organisations' },
  { value: 'retention', label: 'Retention' },
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number]['value'];

interface ActionWords {
  /** For the filter: "Post held". */
  label: string;
  /** After who did it; {subject} names what it was done to: "held {subject}". */
  phrase: string;
}

export const AUDIT_ACTIONS = {
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
  'message.shared': {
    label: 'Shared outside Signpost',
    phrase: 'said they shared the message {subject}',
  },
  'message.remind': {
    label: 'Partner reminded to share',
    phrase: 'reminded a partner to share the message {subject}',
  },
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
  'post.published': { label: 'Post published', phrase: 'published {subject}' },
  'post.retry_scheduled': {
    label: 'Retry after an error',
    phrase: 'will try {subject} again after a temporary error',
  },
  'post.failed': { label: 'Post failed', phrase: 'could not publish {subject}' },
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
  'post.removed_on_platform': {
    label: 'Removed on platform',
    phrase: 'found {subject} removed from the platform',
  },
  'pause.created': { label: 'Publishing paused', phrase: 'paused publishing for {subject}' },
  'pause.lifted': { label: 'Pause lifted', phrase: 'lifted the pause on {subject}' },
  'blackout.created': { label: 'Blackout set', phrase: 'set a blackout for {subject}' },
  'blackout.removed': { label: 'Blackout removed', phrase: 'removed a blackout for {subject}' },
  'channel.needs_reauth': {
    label: 'Channel needs re-authorising',
    phrase: 'marked {subject} as needing re-authorising',
  },
  'channel.connected': {
    label: 'Channel connected',
    phrase: 'stored new credentials for {subject}',
  },
  'channel.added': {
    label: 'Channel added',
    phrase: 'connected the new channel {subject}',
  },
  'channel.token_expiring': {
    label: 'Access token expiring',
    phrase: 'warned that the access of {subject} expires soon',
  },
  'channel.token_renewed': {
    label: 'Access token renewed',
    phrase: 'renewed the access token of {subject}',
  },
  'media.uploaded': { label: 'Image uploaded', phrase: 'uploaded an image' },
  'api_token.created': { label: 'API token created', phrase: 'created the API token {subject}' },
  'api_token.revoked': { label: 'API token revoked', phrase: 'revoked the API token {subject}' },
  'calendar_feed.created': {
    label: 'Calendar feed created',
    phrase: 'created the calendar feed {subject}',
  },
  'calendar_feed.revoked': {
    label: 'Calendar feed revoked',
    phrase: 'revoked the calendar feed {subject}',
  },
  'user.signed_in': { label: 'Signed in', phrase: 'signed in' },
  'user.invited': { label: 'Person invited', phrase: 'invited {subject}' },
  'user.invitation_accepted': {
    label: 'Invitation accepted',
    phrase: 'accepted the invitation and set a password for {subject}',
  },
  'user.roles_changed': { label: 'Roles changed', phrase: 'changed the roles of {subject}' },
  'user.deactivated': { label: 'Person deactivated', phrase: 'deactivated {subject}' },
  'user.reactivated': { label: 'Person reactivated', phrase: 'reactivated {subject}' },
  'user.session_revoked': {
    label: 'Session signed out',
    phrase: 'signed out a session of {subject}',
  },
  'organisation.created': { label: 'Organisation added', phrase: 'added {subject}' },
  'organisation.updated': { label: 'Organisation changed', phrase: 'changed {subject}' },
  'organisation.deactivated': {
    label: 'Organisation deactivated',
    phrase: 'deactivated {subject}',
  },
  'organisation.reactivated': {
    label: 'Organisation reactivated',
    phrase: 'reactivated {subject}',
  },
  'organisation.sso_configured': {
    label: 'Single sign-on set up',
    phrase: 'set up or changed the single sign-on of {subject}',
  },
  'organisation.sso_removed': {
    label: 'Single sign-on removed',
    phrase: 'removed the single sign-on of {subject}',
  },
  'user.sso_joined': {
    label: 'Joined through single sign-on',
    phrase: 'joined through single sign-on as {subject}',
  },
  'user.sso_invitation_accepted': {
    label: 'Invitation accepted through single sign-on',
    phrase: 'accepted the invitation for {subject} through single sign-on',
  },
  'user.notification_settings': {
    label: 'Notification choices changed',
    phrase: 'changed their email notification choices',
  },
  'webhook.created': { label: 'Webhook added', phrase: 'added the webhook {subject}' },
  'webhook.removed': { label: 'Webhook removed', phrase: 'removed the webhook {subject}' },
  'webhook.disabled': {
    label: 'Webhook disabled',
    phrase: 'disabled the webhook {subject} after a day of failed deliveries',
  },
  'outcome.imported': {
    label: 'Help-seeking figures imported',
    phrase: 'imported help-seeking figures: {subject}',
  },
  'retention.applied': {
    label: 'Retention applied',
    phrase: 'removed what was past its retention period',
  },
} as const satisfies Record<`${AuditEntityType}.${string}`, ActionWords>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS).map(([value, { label }]) => ({
  value,
  label,
}));

/** The kind of thing an action is done to: the start of its name. */
export function entityTypeOf(action: AuditAction): AuditEntityType {
  return action.slice(0, action.indexOf('.')) as AuditEntityType;
}

function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

/** One piece of a sentence: words, or words that link to the thing they name. */
export interface SentencePart {
  text: string;
  href?: string;
}

/** What an event was about, as people know it, and where to find it. */
export interface AuditSubject {
  text: string;
  href?: string;
}

/**
 * "published “Change is possible” on Lancashire Constabulary's X (@LancsPolice)", in parts, so the
 * subject can be a link. An action recorded before it was named here still reads as words.
 */
export function describeAction(action: string, subject: AuditSubject | undefined): SentencePart[] {
  if (!isAuditAction(action)) return [{ text: action.replace(/[._]/g, ' ') }];
  const [before, after = ''] = AUDIT_ACTIONS[action].phrase.split('{subject}');
  const parts: SentencePart[] = [{ text: before ?? '' }];
  if (AUDIT_ACTIONS[action].phrase.includes('{subject}')) {
    const entity = entityTypeOf(action).replace('_', ' ');
    parts.push(subject ?? { text: `a ${entity}` }, { text: after });
  }
  return parts.filter((part) => part.text !== '');
}
