'use client';

// What one calendar entry says: its UK time, its platform (a short label, the full name for
// screen readers), its status as an icon and in words (never colour alone), whose it is (for
// leads) and the message's title. Background entries say what they are in words too.
import type { EventDisplayInfo } from '@fullcalendar/react';
import { VisuallyHidden } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconClock,
  IconHelpCircle,
  IconLoader2,
  IconPlayerPause,
  IconX,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { platformLabel } from '@/components/platform-badge';
import { POST_STATUS_DISPLAY } from '@/components/posts/post-status-badge';
import type { Platform } from '@/lib/platforms/types';
import type { PostStatus } from '@/lib/posts/state-machine';
import type { CalendarEventProps } from './calendar-events';

const SHORT: Record<Platform, string> = {
  x: 'X',
  facebook: 'FB',
  instagram: 'IG',
  linkedin: 'IN',
  threads: 'TH',
  bluesky: 'BS',
  mastodon: 'MA',
  nextdoor: 'ND',
};

const STATUS_ICON: Record<PostStatus, ComponentType<{ size?: number; 'aria-hidden'?: boolean }>> = {
  scheduled: IconClock,
  publishing: IconLoader2,
  published: IconCircleCheck,
  failed: IconAlertTriangle,
  held: IconPlayerPause,
  cancelled: IconX,
  unconfirmed: IconHelpCircle,
};

export function CalendarEventContent({
  info,
  showOrganisation,
}: {
  info: EventDisplayInfo;
  showOrganisation: boolean;
}) {
  const props = info.event.extendedProps as CalendarEventProps;
  if (props.kind === 'more') {
    return (
      <span className="sp-event-line" data-testid="calendar-more">
        <span className="sp-event-title">
          {info.event.title}
          <VisuallyHidden> posts on this day: open them all in the list</VisuallyHidden>
        </span>
      </span>
    );
  }
  if (props.kind !== 'post') {
    // In a month cell the label sits at the foot, clear of the day's number.
    const foot = info.view.type === 'dayGridMonth';
    return <span className={`sp-bg-label${foot ? ' sp-bg-label-foot' : ''}`}>{props.label}</span>;
  }
  const { post } = props;
  const Icon = STATUS_ICON[post.status];
  const status = POST_STATUS_DISPLAY[post.status].label;
  const list = info.view.type.startsWith('list');
  return (
    <span
      className={`sp-event-line${list ? ' sp-event-line-wrap' : ''}`}
      data-testid="calendar-post"
      data-post-id={post.id}
      title={`${info.timeText} ${platformLabel(post.platform)}, ${status}: ${post.organisation.name}, ${post.messageTitle}`}
    >
      <span className="sp-event-time">{info.timeText}</span>
      <span className="sp-event-platform" aria-hidden>
        {SHORT[post.platform]}
      </span>
      <VisuallyHidden>{platformLabel(post.platform)}, </VisuallyHidden>
      <span className="sp-event-status">
        <Icon size={14} aria-hidden />
        {list ? <span>{status}</span> : <VisuallyHidden>{status}</VisuallyHidden>}
      </span>
      <span className="sp-event-title">
        {showOrganisation && (
          <span className="sp-event-organisation">{post.organisation.name}: </span>
        )}
        {post.messageTitle}
        {list && <span className="sp-event-channel"> · {post.channel.handle}</span>}
      </span>
    </span>
  );
}
