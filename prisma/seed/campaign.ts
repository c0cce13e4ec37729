// The demo campaign: "Stop it Now! North West", with approved messages for each of its five aims
// (CAMPAIGN.md), one message waiting for review and one draft, so every page has something real
// on first run. Never in production. Idempotent: the campaign is found by its slug and each
// message by its title, and nothing that exists is changed — a lead's edits survive a re-seed.
//
// The words speak to people who might need help, or love someone who does: they name behaviour,
// not people; they never promise what the helpline does not; and every one of them, with the
// signpost added, fits every platform for every organisation — Instagram with the theme's
// campaign card that campaign-cards.ts attaches (prisma/seed/campaign.test.ts checks this).
import type { PrismaClient } from '../generated/client';
import type { Theme } from '../generated/enums';

export const DEMO_CAMPAIGN = {
  slug: 'stop-it-now-north-west',
  name: 'Stop it Now! North West',
  description:
    'A joint campaign of the six North West police forces, NW ROCU and local partners with the Stop it Now! helpline: ' +
    'raising awareness of people viewing sexual images of under-18s online, the harm it does, the police response and ' +
    'its consequences — and that confidential help to stop is available.',
  startsAt: new Date('2026-09-01T00:00:00Z'),
  endsAt: new Date('2027-08-31T23:00:00Z'),
  themes: ['awareness', 'harm', 'enforcement', 'consequences', 'help'] as Theme[],
};

type Person = 'lead' | 'lead2' | 'comms-lancashire';

export interface DemoMessage {
  title: string;
  body: string;
  theme: Theme;
  shareable: boolean;
  /** Bluesky's 300 characters are the tightest limit, so longer bodies get a short version. */
  overrides?: { bluesky?: string };
  status: 'approved' | 'in_review' | 'draft';
  author: Person;
  approver?: Person;
}

export const DEMO_MESSAGES: readonly DemoMessage[] = [
  // ─── Awareness ───
  {
    title: 'A growing problem close to home',
    body: 'More and more people are viewing sexual images of under-18s online, including here in {area}. If you are worried about your own online behaviour, or someone else’s, you do not have to deal with it alone.',
    overrides: {
      bluesky:
        'Viewing sexual images of under-18s online is a growing problem in {area}. Worried about yourself or someone else?',
    },
    theme: 'awareness',
    shareable: true,
    status: 'approved',
    author: 'lead',
    approver: 'lead2',
  },
  {
    title: 'Worried about someone you love',
    body: 'A growing number of people contacting Stop it Now! are wives, partners and parents worried about someone close to them. If that is you, you can talk it through in confidence.',
    overrides: {
      bluesky:
        'Worried about the online behaviour of a partner, son or dad? You can talk it through in confidence.',
    },
    theme: 'awareness',
    shareable: true,
    status: 'approved',
    author: 'lead2',
    approver: 'lead',
  },
  {
    title: 'Working together across the North West',
    body: '{organisation} is working with Stop it Now! and partners across the North West to prevent the sexual abuse of children online. Prevention starts with asking for help early.',
    overrides: {
      bluesky: '{organisation} is working with Stop it Now! to prevent child sexual abuse online.',
    },
    theme: 'awareness',
    shareable: true,
    status: 'approved',
    author: 'lead',
    approver: 'lead2',
  },
  {
    title: 'Most callers are asking for help for themselves',
    body: 'Most people who contact the Stop it Now! helpline are men worried about what they are looking at online. Reaching out is the first step to stopping.',
    overrides: {
      bluesky:
        'Most people who call Stop it Now! are men worried about what they look at online. Reaching out is the first step.',
    },
    theme: 'awareness',
    shareable: false,
    status: 'approved',
    author: 'lead2',
    approver: 'lead',
  },
  // ─── Harm ───
  {
    title: 'Real children, real harm',
    body: 'The children in sexual images online are real children. Every time an image is viewed or shared, the abuse they suffered is repeated.',
    overrides: {
      bluesky:
        'The children in sexual images online are real. Every view or share repeats the abuse they suffered.',
    },
    theme: 'harm',
    shareable: true,
    status: 'approved',
    author: 'lead',
    approver: 'lead2',
  },
  {
    title: 'Viewing creates demand',
    body: 'There is no such thing as “just looking”. Viewing sexual images of children creates demand for more children to be abused and filmed.',
    overrides: {
      bluesky:
        'There is no such thing as “just looking”. Viewing sexual images of children creates demand for more abuse.',
    },
    theme: 'harm',
    shareable: true,
    status: 'approved',
    author: 'lead2',
    approver: 'lead',
  },
  {
    title: 'The harm does not end when the screen goes off',
    body: 'A child abused on camera lives with it long after. Each time the images are seen, they are harmed again. If you are struggling to stop looking, get help now.',
    overrides: {
      bluesky:
        'A child abused on camera is harmed again each time the images are seen. Struggling to stop? Get help now.',
    },
    theme: 'harm',
    shareable: false,
    status: 'approved',
    author: 'lead',
    approver: 'lead2',
  },
  // ─── Enforcement ───
  {
    title: 'Police action is increasing',
    body: 'Police across the North West have stepped up action against people who view and share sexual images of children online. Officers in {area} are part of it.',
    overrides: {
      bluesky:
        'Police across the North West have stepped up action against people who view sexual images of children online.',
    },
    theme: 'enforcement',
    shareable: false,
    status: 'approved',
    author: 'lead',
    approver: 'lead2',
  },
  {
    title: 'Online is not anonymous',
    body: 'Specialist officers are identifying people who download and share indecent images of children. Being online does not make you anonymous.',
    overrides: {
      bluesky:
        'Specialist officers are identifying people who share indecent images of children. Online is not anonymous.',
    },
    theme: 'enforcement',
    shareable: false,
    status: 'approved',
    author: 'lead2',
    approver: 'lead',
  },
  {
    title: 'Stop before we find you',
    body: 'Forces across the North West and NW ROCU are working together to find people viewing sexual images of children. If this is you, stop now and get help.',
    overrides: {
      bluesky:
        'North West police forces and NW ROCU are working together to find people viewing sexual images of children.',
    },
    theme: 'enforcement',
    shareable: false,
    status: 'approved',
    author: 'lead',
    approver: 'lead2',
  },
  // ─── Consequences ───
  {
    title: 'What an arrest can mean',
    body: 'Viewing sexual images of children can lead to arrest, prison and a place on the Sex Offenders Register. It is not too late to stop.',
    overrides: {
      bluesky:
        'Viewing sexual images of children can lead to arrest, prison and the Sex Offenders Register. It is not too late to stop.',
    },
    theme: 'consequences',
    shareable: false,
    status: 'approved',
    author: 'lead2',
    approver: 'lead',
  },
  {
    title: 'Think about who you could lose',
    body: 'An arrest for viewing indecent images of children can mean the break-up of your family. Think about who you could lose, and get help to stop today.',
    overrides: {
      bluesky:
        'An arrest for viewing indecent images of children can break up your family. Get help to stop today.',
    },
    theme: 'consequences',
    shareable: false,
    status: 'approved',
    author: 'lead',
    approver: 'lead2',
  },
  {
    title: 'The consequences reach your whole family',
    body: 'The consequences of viewing sexual images of children do not stop with you: partners, parents and children live with them too. Help to stop is confidential.',
    overrides: {
      bluesky:
        'The consequences of viewing sexual images of children reach your whole family. Help to stop is confidential.',
    },
    theme: 'consequences',
    shareable: true,
    status: 'approved',
    author: 'lead2',
    approver: 'lead',
  },
  // ─── Help ───
  {
    title: 'Confidential and anonymous',
    body: 'If you are worried about your own thoughts or online behaviour towards children, the Stop it Now! helpline is confidential and anonymous. You do not have to give your name.',
    overrides: {
      bluesky:
        'Worried about your own online behaviour towards children? Stop it Now! is confidential and anonymous.',
    },
    theme: 'help',
    shareable: true,
    status: 'approved',
    author: 'lead',
    approver: 'lead2',
  },
  {
    title: 'Help for families and friends',
    body: 'Worried about a partner, a parent or a friend? Stop it Now! also supports family members and friends concerned about someone’s online behaviour.',
    overrides: {
      bluesky:
        'Worried about a partner, parent or friend’s online behaviour? Stop it Now! supports families too.',
    },
    theme: 'help',
    shareable: true,
    status: 'approved',
    author: 'lead2',
    approver: 'lead',
  },
  {
    title: 'Change is possible',
    body: 'Change is possible. The Stop it Now! Get Help website has self-help resources for people who want to stop viewing sexual images of children.',
    overrides: {
      bluesky:
        'Change is possible. The Stop it Now! Get Help website has self-help for people who want to stop.',
    },
    theme: 'help',
    shareable: true,
    status: 'approved',
    author: 'lead',
    approver: 'lead2',
  },
  {
    title: 'Others are already getting help',
    body: 'Thousands of people across the North West have contacted Stop it Now! for help with their online behaviour. People in {area} are among them.',
    overrides: {
      bluesky:
        'Thousands of people across the North West have asked Stop it Now! for help. You can too.',
    },
    theme: 'help',
    shareable: true,
    status: 'approved',
    author: 'lead2',
    approver: 'lead',
  },
  // ─── Waiting for review, and a draft ───
  {
    title: 'It is never too late to ask',
    body: 'Whatever you have done online, it is never too late to ask for help to stop. Stop it Now! has helped people across {area} do exactly that.',
    overrides: {
      bluesky: 'Whatever you have done online, it is never too late to ask for help to stop.',
    },
    theme: 'help',
    shareable: true,
    status: 'in_review',
    author: 'comms-lancashire',
  },
  {
    title: 'Talk to someone before it goes further',
    body: 'If you have found yourself looking at things online that worry you, talk to someone before it goes further.',
    theme: 'help',
    shareable: false,
    status: 'draft',
    author: 'lead',
  },
];

/** The demo users who write and approve the demo messages. */
export const DEMO_EMAILS: Record<Person, string> = {
  lead: 'lead@nw-rocu.example',
  lead2: 'lead2@nw-rocu.example',
  'comms-lancashire': 'comms@lancashire.example',
};

/** Seeds the campaign and its messages; returns how many messages it has. Needs the demo users. */
export async function seedDemoCampaign(db: PrismaClient): Promise<number> {
  const people = await db.user.findMany({
    where: { email: { in: Object.values(DEMO_EMAILS) } },
    select: { id: true, email: true },
  });
  const idOf = (person: Person): string => {
    const user = people.find((candidate) => candidate.email === DEMO_EMAILS[person]);
    if (!user)
      throw new Error(
        `The demo campaign needs the demo user ${DEMO_EMAILS[person]}; seed the users first.`,
      );
    return user.id;
  };

  const campaign =
    (await db.campaign.findUnique({ where: { slug: DEMO_CAMPAIGN.slug }, select: { id: true } })) ??
    (await db.campaign.create({
      data: { ...DEMO_CAMPAIGN, createdById: idOf('lead') },
      select: { id: true },
    }));

  // A fixed timeline, so the demo reads the same on every machine: written in September, a day
  // apart, each reviewed the next day.
  let day = 0;
  for (const message of DEMO_MESSAGES) {
    day += 1;
    const exists = await db.message.findFirst({
      where: { campaignId: campaign.id, title: message.title },
      select: { id: true },
    });
    if (exists) continue;
    const written = new Date(DEMO_CAMPAIGN.startsAt.getTime() + day * 86_400_000);
    const reviewed = new Date(written.getTime() + 86_400_000);
    await db.message.create({
      data: {
        campaignId: campaign.id,
        title: message.title,
        body: message.body,
        theme: message.theme,
        shareable: message.shareable,
        overrides: message.overrides ?? {},
        status: message.status,
        authorId: idOf(message.author),
        approverId: message.approver ? idOf(message.approver) : null,
        submittedAt: message.status === 'draft' ? null : written,
        approvedAt: message.status === 'approved' ? reviewed : null,
        createdAt: written,
      },
    });
  }
  return db.message.count({ where: { campaignId: campaign.id } });
}
