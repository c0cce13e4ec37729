// `npm run db:seed`: idempotent. The organisations, the signpost and the outcome figures always;
// demo users, channels and the demo campaign only outside production (lib/env.ts demoEnabled), and
// the demo campaign's past weeks of published posts and reach unless SEED_DEMO_REACH=false.
import { db } from '../lib/db';
import { demoEnabled, env } from '../lib/env';
import { seedDemoCampaign } from './seed/campaign';
import { seedCampaignCards } from './seed/campaign-cards';
import { seedDemoChannels } from './seed/channels';
import { seedHelpSeeking } from './seed/help-seeking';
import { seedOrganisations } from './seed/organisations';
import { seedDemoReach } from './seed/reach';
import { seedSignpost } from './seed/signpost';
import { seedDemoUsers } from './seed/users';

export interface SeedOptions {
  /**
   * The demo campaign's published posts of the past weeks, with their figures (prisma/seed/reach.ts):
   * for `npm run dev` and `npm run db:seed`, not for tests, whose files count posts from zero.
   */
  demoReach?: boolean;
}

export async function seed(options: SeedOptions = {}): Promise<string[]> {
  const settings = env();
  const report: string[] = [];
  const organisationIds = await seedOrganisations(db);
  report.push(`${organisationIds.size} organisations`);
  const version = await seedSignpost(db);
  report.push(`signpost v${version}`);
  await seedHelpSeeking(db);
  if (demoEnabled(settings)) {
    report.push(`${await seedDemoUsers(db, organisationIds, settings.DEMO_PASSWORD)} demo users`);
    report.push(
      `${await seedDemoChannels(db, organisationIds, settings.CREDENTIALS_KEY)} demo channels`,
    );
    report.push(`${await seedDemoCampaign(db)} demo campaign messages`);
    report.push(`${await seedCampaignCards(db)} messages given a campaign card`);
    if (options.demoReach) {
      report.push(`${await seedDemoReach(db, new Date())} demo posts published with their reach`);
      // A channel whose access ends in five days, so administrators see the warning in the demo.
      await db.channel.updateMany({
        where: { organisation: { slug: 'cumbria' }, platform: 'facebook' },
        data: { credentialsExpireAt: new Date(Date.now() + 5 * 86_400_000) },
      });
    }
  } else {
    report.push('no demo users or channels (production)');
  }
  return report;
}

// Run when executed directly (npm run db:seed), not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  seed({ demoReach: process.env.SEED_DEMO_REACH !== 'false' })
    .then((report) => console.log(`Seeded: ${report.join(', ')}.`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => db.$disconnect());
}
