// How each kind of notification looks: an icon, a colour and a short name for the filter.
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconBell,
  IconChecklist,
  IconCircleCheck,
  IconClockExclamation,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlugConnectedX,
  IconShare,
  IconWebhookOff,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { NotificationKind } from '@/lib/notifications/kinds';

interface KindStyle {
  icon: (size: number) => ReactNode;
  color: string;
  /** For the filter: what a person calls this kind. */
  name: string;
}

export const KIND_STYLES: Record<NotificationKind, KindStyle> = {
  'message.submitted': {
    icon: (size) => <IconChecklist size={size} />,
    color: 'signpost',
    name: 'Waiting for approval',
  },
  'message.approved': {
    icon: (size) => <IconCircleCheck size={size} />,
    color: 'green',
    name: 'Messages approved',
  },
  'message.rejected': {
    icon: (size) => <IconArrowBackUp size={size} />,
    color: 'orange',
    name: 'Messages sent back',
  },
  'posts.failed': {
    icon: (size) => <IconAlertTriangle size={size} />,
    color: 'red',
    name: 'Posts failed',
  },
  'posts.held': {
    icon: (size) => <IconPlayerPause size={size} />,
    color: 'orange',
    name: 'Posts held',
  },
  'channel.needs_reauth': {
    icon: (size) => <IconPlugConnectedX size={size} />,
    color: 'red',
    name: 'Channels to reconnect',
  },
  'channel.token_expiring': {
    icon: (size) => <IconClockExclamation size={size} />,
    color: 'yellow',
    name: 'Channel access expiring',
  },
  'pause.started': {
    icon: (size) => <IconPlayerPause size={size} />,
    color: 'orange',
    name: 'Publishing paused',
  },
  'pause.lifted': {
    icon: (size) => <IconPlayerPlay size={size} />,
    color: 'green',
    name: 'Pauses lifted',
  },
  'share.reminder': {
    icon: (size) => <IconShare size={size} />,
    color: 'signpost',
    name: 'Reminders to share',
  },
  'webhook.disabled': {
    icon: (size) => <IconWebhookOff size={size} />,
    color: 'red',
    name: 'Webhooks disabled',
  },
};

const FALLBACK: KindStyle = {
  icon: (size) => <IconBell size={size} />,
  color: 'gray',
  name: 'Other',
};

export function kindStyle(kind: string): KindStyle {
  return Object.hasOwn(KIND_STYLES, kind) ? KIND_STYLES[kind as NotificationKind] : FALLBACK;
}
