// The week a "week's messages" share pack covers: Monday to Sunday on UK clocks, as instants.
// Pure.
import { dayOf, dayStart } from '../scheduling/london-time';

export function ukWeek(
  date: string | undefined,
  now: Date,
): { from: Date; to: Date; monday: string } | null {
  const day = date ?? dayOf(now);
  const noon = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(noon.getTime()) || dayStart(day) === null) return null;
  const back = (noon.getUTCDay() + 6) % 7;
  const monday = dayOf(new Date(noon.getTime() - back * 86_400_000), 'UTC');
  const from = dayStart(monday);
  const to = dayStart(monday, 7);
  if (!from || !to) return null;
  return { from, to, monday };
}
