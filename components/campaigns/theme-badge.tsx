import { Badge } from '@mantine/core';
import type { Theme } from '@/lib/campaigns/campaign-schemas';

/** The campaign's five aims (CAMPAIGN.md), as people name them, with what each message says. */
export const THEME_DISPLAY: Record<Theme, { label: string; color: string; explain: string }> = {
  awareness: {
    label: 'Awareness',
    color: 'blue',
    explain: 'The growing problem of people viewing sexual images of under-18s online',
  },
  harm: {
    label: 'Harm',
    color: 'grape',
    explain: 'Children are harmed again each time an image is viewed',
  },
  enforcement: {
    label: 'Enforcement',
    color: 'indigo',
    explain: 'More police activity across the North West',
  },
  consequences: {
    label: 'Consequences',
    color: 'orange',
    explain: 'Arrest, prison, family break-up, the Sex Offenders Register',
  },
  help: {
    label: 'Help',
    color: 'teal',
    explain: 'Confidential help to stop: the helpline and the Get Help website',
  },
};

export function ThemeBadge({ theme }: { theme: Theme }) {
  const { label, color } = THEME_DISPLAY[theme];
  return (
    <Badge color={color} variant="light" radius="sm" tt="none">
      {label}
    </Badge>
  );
}
