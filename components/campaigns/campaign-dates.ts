import { formatDate } from '@/components/format';

interface Dated {
  startsAt: string;
  endsAt: string;
}

/** "1 Sept 2026 – 31 Aug 2027": the first and last UK days (endsAt is the midnight after). */
export function campaignDateRange(campaign: Dated): string {
  const last = new Date(new Date(campaign.endsAt).getTime() - 1);
  return `${formatDate(campaign.startsAt)} – ${formatDate(last)}`;
}

/** Where the campaign is in its life today, in words, with a badge colour. */
export function campaignPhase(campaign: Dated, now: Date): { label: string; color: string } {
  if (now < new Date(campaign.startsAt)) return { label: 'Not started', color: 'blue' };
  if (now >= new Date(campaign.endsAt)) return { label: 'Ended', color: 'gray' };
  return { label: 'Running', color: 'green' };
}
