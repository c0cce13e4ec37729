// The campaign's outcome figures (../shared/CAMPAIGN.md): people from the North West contacting
// Stop it Now! before and during the campaign. Published, and so not illustrative: the regional
// totals (1,747 → 3,549, +103 %) and the increases of three counties (Lancashire +146 %, Cheshire
// +193 %, Cumbria +186 %). The county breakdown itself was published elsewhere and is not to hand,
// so the counties' counts are chosen to sum to the regional totals and give those increases
// exactly. Merseyside's, Greater Manchester's and North Wales's counts, and so their increases,
// were published nowhere we can cite: they are marked illustrative, and the Reach page says so
// wherever it shows one. A campaign lead importing the real figures replaces them; the seed never
// overwrites a figure a lead imported (nor adds one that would overlap it).
import { REGION } from '../../lib/outcomes/areas';
import { CAMPAIGN_COMPARISON, type Period, dayDate, overlap } from '../../lib/outcomes/periods';
import type { PrismaClient } from '../generated/client';

const PUBLISHED =
  'Stop it Now! (Lucy Faithfull Foundation), North West campaign announcement, November 2018';
const INCREASE_PUBLISHED = `${PUBLISHED}: the increase is published; the counts are chosen to give it`;
const ILLUSTRATIVE =
  'Illustrative: demo figures chosen to add up to the published regional totals, not published';

export const HELP_SEEKING: readonly {
  area: string;
  before: number;
  during: number;
  illustrative: boolean;
  source: string;
}[] = [
  { area: REGION, before: 1747, during: 3549, illustrative: false, source: PUBLISHED },
  { area: 'Lancashire', before: 350, during: 861, illustrative: false, source: INCREASE_PUBLISHED },
  { area: 'Cheshire', before: 200, during: 586, illustrative: false, source: INCREASE_PUBLISHED },
  { area: 'Cumbria', before: 100, during: 286, illustrative: false, source: INCREASE_PUBLISHED },
  { area: 'Merseyside', before: 330, during: 520, illustrative: true, source: ILLUSTRATIVE },
  {
    area: 'Greater Manchester',
    before: 600,
    during: 1000,
    illustrative: true,
    source: ILLUSTRATIVE,
  },
  { area: 'North Wales', before: 167, during: 296, illustrative: true, source: ILLUSTRATIVE },
];

/** The counties' rows, without the region's own totals. */
export const COUNTY_HELP_SEEKING = HELP_SEEKING.filter((row) => row.area !== REGION);

const toPeriod = (row: { periodStart: Date; periodEnd: Date }): Period => ({
  from: row.periodStart.toISOString().slice(0, 10),
  to: row.periodEnd.toISOString().slice(0, 10),
});

export async function seedHelpSeeking(db: PrismaClient) {
  const imported = await db.helpSeekingFigure.findMany({
    where: { createdById: { not: null } },
    select: { area: true, periodStart: true, periodEnd: true },
  });
  for (const { area, before, during, illustrative, source } of HELP_SEEKING) {
    for (const [period, contacts] of [
      [CAMPAIGN_COMPARISON.before, before],
      [CAMPAIGN_COMPARISON.during, during],
    ] as const) {
      // A lead's figure for these days is the real one: leave it, and add nothing beside it.
      if (imported.some((row) => row.area === area && overlap(toPeriod(row), period))) continue;
      const key = { area, periodStart: dayDate(period.from), periodEnd: dayDate(period.to) };
      await db.helpSeekingFigure.upsert({
        where: { area_periodStart_periodEnd: key },
        update: { contacts, source, illustrative },
        create: { ...key, contacts, source, illustrative },
      });
    }
  }
}
