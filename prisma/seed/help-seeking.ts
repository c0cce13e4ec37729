// The campaign's outcome figures (../shared/CAMPAIGN.md): people from the North West contacting
// Stop it Now! before and during the campaign. County counts are chosen to give the published
// totals (1,747 → 3,549, +103 %) and county increases (Lancashire +146 %, Cheshire +193 %,
// Cumbria +186 %) exactly.
import type { PrismaClient } from '../generated/client';

const BEFORE = { start: '2017-07-01', end: '2018-01-31' };
const DURING = { start: '2018-02-01', end: '2018-07-31' };
const SOURCE =
  'Stop it Now! (Lucy Faithfull Foundation), North West campaign announcement, November 2018';

export const HELP_SEEKING: readonly { area: string; before: number; during: number }[] = [
  { area: 'Lancashire', before: 350, during: 861 },
  { area: 'Merseyside', before: 330, during: 520 },
  { area: 'Greater Manchester', before: 600, during: 1000 },
  { area: 'Cheshire', before: 200, during: 586 },
  { area: 'Cumbria', before: 100, during: 286 },
  { area: 'North Wales', before: 167, during: 296 },
];

export async function seedHelpSeeking(db: PrismaClient) {
  for (const { area, before, during } of HELP_SEEKING) {
    for (const [period, contacts] of [
      [BEFORE, before],
      [DURING, during],
    ] as const) {
      const periodStart = new Date(`${period.start}T00:00:00Z`);
      const periodEnd = new Date(`${period.end}T00:00:00Z`);
      await db.helpSeekingFigure.upsert({
        where: { area_periodStart_periodEnd: { area, periodStart, periodEnd } },
        update: { contacts, source: SOURCE },
        create: { area, periodStart, periodEnd, contacts, source: SOURCE },
      });
    }
  }
}
