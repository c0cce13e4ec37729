import { Badge } from '@mantine/core';
import type { Platform } from '@/lib/platforms/types';

const LABELS: Record<Platform, { label: string; color: string }> = {
  x: { label: 'X', color: 'dark' },
  facebook: { label: 'Facebook', color: 'blue' },
  instagram: { label: 'Instagram', color: 'pink' },
  linkedin: { label: 'LinkedIn', color: 'indigo' },
  threads: { label: 'Threads', color: 'gray' },
  bluesky: { label: 'Bluesky', color: 'cyan' },
  mastodon: { label: 'Mastodon', color: 'violet' },
  nextdoor: { label: 'Nextdoor', color: 'green' },
};

export const platformLabel = (platform: Platform) => LABELS[platform].label;

export function PlatformBadge({ platform }: { platform: Platform }) {
  const { label, color } = LABELS[platform];
  return (
    <Badge color={color} variant="light" radius="sm" style={{ minWidth: 'fit-content' }}>
      {label}
    </Badge>
  );
}
