// The weeks a lead can choose on the amplification page: each UK week (its Monday) from the
// campaign's first to its last, or to this week if the campaign is still running; newest first.
// Pure.
import { ukWeek } from '../library/pack-week';
import { dayOf } from '../scheduling/london-time';

const DAY_MS = 86_400_000;

export function campaignWeeks(campaign: { startsAt: Date; endsAt: Date }, now: Date): string[] {
  const first = ukWeek(dayOf(campaign.startsAt), now);
  const lastDay = campaign.endsAt < now ? campaign.endsAt : now;
  const last = ukWeek(dayOf(lastDay), now);
  if (!first || !last || first.monday > last.monday) return last ? [last.monday] : [];
  const weeks: string[] = [];
  // Noon, so a clocks-change day never moves the count off its Monday.
  for (
    let at = new Date(`${last.monday}T12:00:00Z`);
    weeks.length < 520;
    at = new Date(at.getTime() - 7 * DAY_MS)
  ) {
    const monday = at.toISOString().slice(0, 10);
    if (monday < first.monday) break;
    weeks.push(monday);
  }
  return weeks;
}
