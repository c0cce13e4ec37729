import { rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getWeekPack } from '@/app/api/v1/library/share-pack/route';
import { GET as getLibrary } from '@/app/api/v1/library/route';
import { GET as getPack } from '@/app/api/v1/messages/[id]/share-pack/route';
import { POST as postShare } from '@/app/api/v1/messages/[id]/shares/route';
import { PUT as putSignpost } from '@/app/api/v1/signpost/route';
import { db } from '@/lib/db';
import type { LibraryPage, ShareView } from '@/lib/library/library-schemas';
import { absoluteMediaPath } from '@/lib/media/media-files';
import { rulesFor } from '@/lib/platforms/rules';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import { shortLinkText } from '@/lib/signpost/tagged-url';
import { currentSignpost } from '@/lib/signpost/signpost-store';
import { call, forgetTokens, tokenFor } from '../support/api';
import { organisationId, resetDatabase } from '../support/database';
import { approvedMessage } from '../support/fixtures';
import { auditOf, rowCounts } from '../support/row-counts';
import { unzip } from '../support/zip';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const PARTNER = 'partner@manchester-city-council.example';
const PARTNER_ORG = 'manchester-city-council';
const OTHER_PARTNER = 'partner@cheshire-east-council.example';
const COMMS = 'comms@lancashire.example';
const LEAD = 'lead@nw-rocu.example';

beforeAll(async () => {
  forgetTokens();
  await resetDatabase();
});

/**
 * The helpline link in the text as the platform takes it: tagged with the partner's own slug
 * where the URL is the link text; Bluesky shows the site's address and links it through a facet
 * (lib/platforms/bluesky.ts); Instagram links only from the bio.
 */
function expectTagged(platform: Platform, text: string, signpostUrl: string) {
  const rules = rulesFor(platform);
  if (!rules.linksClickable) return;
  if (rules.linkText === 'short') expect(text).toContain(shortLinkText(signpostUrl));
  else expect(text).toContain(`utm_content=${PARTNER_ORG}`);
}

async function library(email: string, organisation: string) {
  return call<LibraryPage & ErrorBody>(getLibrary, '/library', {
    token: await tokenFor(email),
    query: { organisation, limit: '500' },
  });
}

async function pack(email: string, messageId: string, organisation = PARTNER_ORG) {
  return call<ErrorBody>(getPack, `/messages/${messageId}/share-pack`, {
    token: await tokenFor(email),
    params: { id: messageId },
    query: { organisation },
  });
}

async function share(email: string, messageId: string, body: Record<string, unknown>) {
  return call<ShareView & ErrorBody>(postShare, `/messages/${messageId}/shares`, {
    token: await tokenFor(email),
    params: { id: messageId },
    body,
  });
}

describe('the library, per role', () => {
  it('shows a partner approved, shareable messages only, rendered for the partner itself', async () => {
    const shareable = await approvedMessage({
      body: 'Help is here for people in {area}.',
      withImage: true,
    });
    const forForces = await approvedMessage({ shareable: false });
    const answer = await library(PARTNER, PARTNER_ORG);
    expect(answer.status).toBe(200);
    const ids = answer.body.items.map((item) => item.id);
    expect(ids).toContain(shareable.id);
    expect(ids).not.toContain(forForces.id);
    const statuses = await db.message.findMany({
      where: { id: { in: ids } },
      select: { status: true, shareable: true },
    });
    expect(statuses.every((row) => row.status === 'approved' && row.shareable)).toBe(true);

    const item = answer.body.items.find((candidate) => candidate.id === shareable.id)!;
    const signpost = await currentSignpost();
    expect(item.renders.x.text).toContain('Help is here for people in Manchester.');
    for (const platform of PLATFORMS) {
      const render = item.renders[platform];
      expect(render.valid, `${platform}: ${JSON.stringify(render.problems)}`).toBe(true);
      expect(render.text).toContain(signpost.phone);
      expectTagged(platform, render.text, signpost.url);
    }
  });

  it('shows a comms officer the messages for forces too, and the newest first', async () => {
    const forForces = await approvedMessage({ shareable: false });
    const answer = await library(COMMS, 'lancashire');
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item) => item.id)).toContain(forForces.id);
    const times = answer.body.items.map((item) => item.approvedAt ?? '');
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows a campaign lead asking for a partner what that partner sees', async () => {
    const forForces = await approvedMessage({ shareable: false });
    const answer = await library(LEAD, PARTNER_ORG);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((item) => item.id)).not.toContain(forForces.id);
  });

  it("answers 404 for another organisation's library, and 400 without one", async () => {
    expect((await library(PARTNER, 'lancashire')).status).toBe(404);
    expect((await library(PARTNER, 'no-such-organisation')).status).toBe(404);
    const missing = await call<ErrorBody>(getLibrary, '/library', {
      token: await tokenFor(PARTNER),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toHaveProperty('organisation');
  });
});

describe('a share pack', () => {
  it('carries, per platform, the signpost, the UTM slug, the images at the platform size and their alt text', async () => {
    const message = await approvedMessage({ withImage: true });
    const answer = await pack(PARTNER, message.id);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/zip');
    const files = await unzip(answer.bytes);
    const signpost = await currentSignpost();

    const readme = files.get('README.txt')!.toString('utf8');
    expect(readme).toContain(signpost.phone);
    expect(readme).toContain(signpost.url);
    expect(readme).toContain('Manchester City Council');

    const altText = files.get('alt-text.txt')!.toString('utf8');
    expect(altText).toContain('The Stop it Now! helpline number on a blue background');

    for (const platform of PLATFORMS) {
      const text = files.get(`${platform}.txt`)?.toString('utf8');
      expect(text, `${platform}.txt`).toBeDefined();
      expect(text).toContain(signpost.phone);
      expectTagged(platform, text!, signpost.url);
      const image = [...files.keys()].find((name) => name.startsWith(`images/${platform}-1.`));
      expect(image, `${platform}'s image`).toBeDefined();
      const metadata = await sharp(files.get(image!)!).metadata();
      // The card is 1080 px square: each platform's copy is no larger than the platform shows.
      const side = Math.min(1080, rulesFor(platform).media.maxDimension);
      expect([metadata.width, metadata.height]).toEqual([side, side]);
      expect(readme).toContain(`images/${platform}-1.`);
    }
  });

  it('carries the new signpost once the signpost changes', async () => {
    const message = await approvedMessage({ withImage: true });
    const signpost = await currentSignpost();
    const changed = await call(putSignpost, '/signpost', {
      method: 'PUT',
      token: await tokenFor(LEAD),
      body: {
        helplineName: signpost.helplineName,
        phone: '0808 1000 901',
        url: signpost.url,
        wording: signpost.wording,
        basedOnVersion: signpost.version,
      },
    });
    expect(changed.status).toBe(200);
    const files = await unzip((await pack(PARTNER, message.id)).bytes);
    for (const platform of PLATFORMS) {
      const text = files.get(`${platform}.txt`)!.toString('utf8');
      expect(text).toContain('0808 1000 901');
      expect(text).not.toContain(signpost.phone);
    }
    expect(files.get('README.txt')!.toString('utf8')).toContain('0808 1000 901');
  });

  it("packs the week's messages a folder each", async () => {
    const first = await approvedMessage({ body: 'The first message for {area}.' });
    const second = await approvedMessage({ body: 'The second message for {area}.' });
    const answer = await call<ErrorBody>(getWeekPack, '/library/share-pack', {
      token: await tokenFor(PARTNER),
      query: { organisation: PARTNER_ORG },
    });
    expect(answer.status).toBe(200);
    const files = await unzip(answer.bytes);
    const texts = [...files.entries()]
      .filter(([name]) => name.endsWith('/x.txt'))
      .map(([, bytes]) => bytes.toString('utf8'));
    expect(texts.some((text) => text.includes('The first message for Manchester.'))).toBe(true);
    expect(texts.some((text) => text.includes('The second message for Manchester.'))).toBe(true);
    expect(first.id).not.toBe(second.id);
    const bad = await call<ErrorBody>(getWeekPack, '/library/share-pack', {
      token: await tokenFor(PARTNER),
      query: { organisation: PARTNER_ORG, week: '2026-02-30' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('week');
  });

  it('answers 404 for a message that is not shareable, not approved, archived or not the organisation’s', async () => {
    const forForces = await approvedMessage({ shareable: false });
    const draft = await approvedMessage();
    await db.message.update({ where: { id: draft.id }, data: { status: 'in_review' } });
    const archived = await approvedMessage();
    await db.message.update({ where: { id: archived.id }, data: { status: 'archived' } });
    const ofArchivedCampaign = await approvedMessage();
    await db.campaign.update({
      where: { id: ofArchivedCampaign.campaignId },
      data: { status: 'archived' },
    });
    const fine = await approvedMessage();
    for (const id of [forForces.id, draft.id, archived.id, ofArchivedCampaign.id, 'no-such-id'])
      expect((await pack(PARTNER, id)).status, id).toBe(404);
    expect((await pack(PARTNER, fine.id, 'cheshire-east-council')).status).toBe(404);
    expect((await pack(OTHER_PARTNER, fine.id, PARTNER_ORG)).status).toBe(404);
  });

  it('answers 409 naming the image when an image is missing on disk, never a broken zip', async () => {
    const message = await approvedMessage({ withImage: true });
    const attached = await db.messageMedia.findFirstOrThrow({
      where: { messageId: message.id },
      include: { media: true },
    });
    await rm(path.dirname(absoluteMediaPath(attached.media.storagePath)), {
      recursive: true,
      force: true,
    });
    const answer = await pack(PARTNER, message.id);
    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(answer.body.error.message).toContain(attached.media.id);
    expect(answer.body.error.message).toContain('missing on disk');
  });
});

describe('I shared this', () => {
  it('records a share with an optional link, in the audit log, and marks it in the library', async () => {
    const message = await approvedMessage();
    const plain = await share(PARTNER, message.id, {
      organisation: PARTNER_ORG,
      platform: 'facebook',
    });
    expect(plain.status).toBe(201);
    expect(plain.body.url).toBeNull();
    const linked = await share(PARTNER, message.id, {
      organisation: PARTNER_ORG,
      platform: 'bluesky',
      url: 'https://bsky.app/profile/manchester.gov.uk/post/3kabc',
    });
    expect(linked.status).toBe(201);
    expect(linked.body.url).toBe('https://bsky.app/profile/manchester.gov.uk/post/3kabc');
    const audit = await auditOf(message.id);
    expect(audit.filter((event) => event.action === 'message.shared')).toHaveLength(2);
    const item = (await library(PARTNER, PARTNER_ORG)).body.items.find((i) => i.id === message.id)!;
    expect(item.shares.map((entry) => entry.platform).sort()).toEqual(['bluesky', 'facebook']);
  });

  it('answers 400 naming the field for a bad link or platform, and writes nothing', async () => {
    const message = await approvedMessage();
    const before = await rowCounts();
    const cases: [Record<string, unknown>, string][] = [
      [{ platform: 'x', url: 'http://x.com/manchester/status/1' }, 'url'],
      [{ platform: 'x', url: 'https://evil.example/x.com/status/1' }, 'url'],
      [{ platform: 'x', url: 'not a link' }, 'url'],
      [{ platform: 'x', url: `https://x.com/${'a'.repeat(600)}` }, 'url'],
      [{ platform: 'x', url: 'https://user:pw@x.com/status/1' }, 'url'],
      [{ platform: 'x', url: 'https://x.com/' }, 'url'],
      [{ platform: 'myspace' }, 'platform'],
      [{ platform: 'x', url: 42 }, 'url'],
    ];
    for (const [body, field] of cases) {
      const answer = await share(PARTNER, message.id, { organisation: PARTNER_ORG, ...body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("answers 404 for a message the organisation may not use or another organisation's share, 403 for a viewer", async () => {
    const forForces = await approvedMessage({ shareable: false });
    const fine = await approvedMessage();
    expect(
      (await share(PARTNER, forForces.id, { organisation: PARTNER_ORG, platform: 'x' })).status,
    ).toBe(404);
    expect(
      (await share(PARTNER, fine.id, { organisation: 'cheshire-east-council', platform: 'x' }))
        .status,
    ).toBe(404);
    expect((await share(LEAD, fine.id, { organisation: PARTNER_ORG, platform: 'x' })).status).toBe(
      404,
    );
    // A viewer belongs to the organisation but publishes nothing for it.
    expect(
      (await share('viewer@cumbria.example', fine.id, { organisation: 'cumbria', platform: 'x' }))
        .status,
    ).toBe(403);
  });
});

describe("a partner's blackout", () => {
  it('stops every path: no text to copy, no share pack, no share recorded', async () => {
    const message = await approvedMessage({ withImage: true });
    const partner = await organisationId(PARTNER_ORG);
    const lead = await db.user.findUniqueOrThrow({ where: { email: LEAD } });
    const blackout = await db.blackout.create({
      data: {
        organisationId: partner,
        reason: 'Pre-election period',
        startsAt: new Date(Date.now() - 3_600_000),
        endsAt: new Date(Date.now() + 7 * 86_400_000),
        createdById: lead.id,
      },
    });
    try {
      const item = (await library(PARTNER, PARTNER_ORG)).body.items.find(
        (candidate) => candidate.id === message.id,
      )!;
      expect(item.heldReason).toContain('Pre-election period');
      for (const platform of PLATFORMS) {
        expect(item.renders[platform].text).toBe('');
        expect(item.renders[platform].problems[0]?.code).toBe('quiet_period');
      }
      const packed = await pack(PARTNER, message.id);
      expect(packed.status).toBe(409);
      expect(packed.body.error.message).toContain('Pre-election period');
      const week = await call<ErrorBody>(getWeekPack, '/library/share-pack', {
        token: await tokenFor(PARTNER),
        query: { organisation: PARTNER_ORG },
      });
      expect(week.status).toBe(409);
      const shared = await share(PARTNER, message.id, { organisation: PARTNER_ORG, platform: 'x' });
      expect(shared.status).toBe(409);
      // Another partner's home is untouched by it.
      const other = await library(OTHER_PARTNER, 'cheshire-east-council');
      const theirs = other.body.items.find((candidate) => candidate.id === message.id)!;
      expect(theirs.heldReason).toBeNull();
      expect(theirs.renders.x.text).not.toBe('');
    } finally {
      await db.blackout.delete({ where: { id: blackout.id } });
    }
  });
});
