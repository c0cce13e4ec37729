// Webhooks end to end against a real local endpoint: registered through the API (bad input a
// 400 naming the field; a comms officer only for their own force), planned from the outbox by
// the dispatcher, signed and delivered, retried and then disabled after a day of failures (time
// moved through the clock argument, never waited out), abandoned when the endpoint hangs, and
// refused in production when the endpoint is on our own network.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as listDeliveriesRoute } from '@/app/api/v1/webhooks/[id]/deliveries/route';
import { DELETE as removeRoute } from '@/app/api/v1/webhooks/[id]/route';
import { POST as testRoute } from '@/app/api/v1/webhooks/[id]/test/route';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/webhooks/route';
import { auditNames, auditSubjectKey } from '@/lib/audit/audit-subjects';
import { listAudit } from '@/lib/audit/list-audit';
import { recordAudit, SYSTEM_ACTOR } from '@/lib/audit/record-audit';
import { db } from '@/lib/db';
import { env, parseEnv } from '@/lib/env';
import { drainOutbox } from '@/lib/notifications/dispatch';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { attemptDelivery, deliverWebhook } from '@/lib/webhooks/deliver';
import { DISABLE_AFTER_MS } from '@/lib/webhooks/disable-webhook';
import { verifySignature } from '@/lib/webhooks/signature';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { actorFor, approvedMessage, channelOf } from '../support/fixtures';
import { webhookEndpoint, type WebhookEndpoint } from '../support/webhook-endpoint';

const LEAD = 'lead@nw-rocu.example';
const LANCS = 'comms@lancashire.example';
const ADMIN = 'admin@nw-rocu.example';

let endpoint: WebhookEndpoint;

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  endpoint = await webhookEndpoint();
});
afterAll(() => endpoint.close());
beforeEach(async () => {
  endpoint.received.length = 0;
  endpoint.answer = 204;
  await db.webhook.deleteMany();
  // What earlier tests left undispatched is not this test's business.
  await drainOutbox();
});

interface Created {
  id: string;
  url: string;
  events: string[];
  secret: string;
  organisation: { slug: string } | null;
}

async function register(email: string, body: unknown) {
  return call<Created & { error: { fields?: Record<string, string> } }>(createRoute, '/webhooks', {
    method: 'POST',
    token: await tokenFor(email),
    body,
  });
}

async function registered(email: string, body: object): Promise<Created> {
  const response = await register(email, { url: endpoint.url, ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** A Lancashire post that has "just been published" (its audit event, as the worker writes it). */
async function publishedPost(slug = 'lancashire') {
  const message = await approvedMessage();
  const comms = await actorFor(LANCS);
  const lead = await actorFor(LEAD);
  const channel = await channelOf(slug, 'x');
  const { posts } = await scheduleMessage(
    slug === 'lancashire' ? comms.actor : lead.actor,
    slug === 'lancashire' ? comms.audit : lead.audit,
    message.id,
    {
      targets: [
        { channelId: channel.id, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
      ],
    },
  );
  const post = posts[0]!;
  await db.$transaction(async (tx) => {
    await tx.post.update({
      where: { id: post.id },
      data: {
        status: 'published',
        publishedAt: new Date(),
        externalUrl: `https://x.example/p/${post.id}`,
      },
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'post.published',
      entityId: post.id,
      organisationId: channel.organisationId,
      before: { status: 'publishing' },
      after: { status: 'published', externalUrl: `https://x.example/p/${post.id}` },
    });
  });
  return { post, message, channel };
}

async function deliveriesOf(webhookId: string) {
  return db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: 'asc' } });
}

const context = (now: Date, willRetry = true) => ({
  now: () => now,
  attempt: 1,
  willRetry,
  settings: env(),
});

describe('registering', () => {
  it('answers the secret once, and never again in the list', async () => {
    const created = await registered(LEAD, {
      events: ['post.published'],
      organisation: 'lancashire',
    });
    expect(created.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const stored = await db.webhook.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.secretEncrypted).not.toContain(created.secret.slice(6));
    const list = await call<{ items: object[] }>(listRoute, '/webhooks', {
      token: await tokenFor(LEAD),
    });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(created.secret);
    expect(list.body.items).toHaveLength(1);
    const audit = await db.auditEvent.findFirst({
      where: { action: 'webhook.created', entityId: created.id },
    });
    expect(audit?.after).toMatchObject({ host: `127.0.0.1:${endpoint.port}` });
    const lead = await actorFor(LEAD);
    const { items } = await listAudit(lead.actor, { limit: 5, entityId: created.id });
    const names = await auditNames(lead.actor, items);
    expect(names.subjects[auditSubjectKey(items[0]!)]?.text).toBe(`to 127.0.0.1:${endpoint.port}`);
  });

  it.each([
    ['not http(s)', { url: 'ftp://example.org/x', events: ['post.published'] }, 'url'],
    ['credentials', { url: 'https://user:pw@example.org/x', events: ['post.held'] }, 'url'],
    ['too long', { url: `https://example.org/${'a'.repeat(2100)}`, events: ['post.held'] }, 'url'],
    ['unknown event', { url: 'https://example.org/x', events: ['post.exploded'] }, 'events.0'],
    ['no events', { url: 'https://example.org/x', events: [] }, 'events'],
    [
      'unknown organisation',
      { url: 'https://example.org/x', events: ['post.held'], organisation: 'atlantis' },
      'organisation',
    ],
    [
      'unknown field',
      { url: 'https://example.org/x', events: ['post.held'], secret: 'x' },
      'secret',
    ],
  ])('refuses a request with %s: 400 naming the field', async (_, body, field) => {
    const response = await register(LEAD, body);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields ?? {})).toContain(field);
    expect(await db.webhook.count()).toBe(0);
  });

  it('a comms officer registers for their own force, never another force nor region-wide', async () => {
    expect(
      (
        await register(LANCS, {
          url: endpoint.url,
          events: ['post.failed'],
          organisation: 'lancashire',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await register(LANCS, {
          url: endpoint.url,
          events: ['post.failed'],
          organisation: 'cumbria',
        })
      ).status,
    ).toBe(403);
    expect((await register(LANCS, { url: endpoint.url, events: ['post.failed'] })).status).toBe(
      403,
    );
    expect(
      (
        await register('partner@manchester-city-council.example', {
          url: endpoint.url,
          events: ['post.failed'],
          organisation: 'manchester-city-council',
        })
      ).status,
    ).toBe(403);
    expect(await db.webhook.count()).toBe(1);
  });

  it('a comms officer neither sees nor removes a webhook of another force (404)', async () => {
    const cumbria = await registered(ADMIN, { events: ['post.failed'], organisation: 'cumbria' });
    const token = await tokenFor(LANCS);
    const list = await call<{ items: { id: string }[] }>(listRoute, '/webhooks', { token });
    expect(list.body.items.map((item) => item.id)).not.toContain(cumbria.id);
    const removed = await call(removeRoute, `/webhooks/${cumbria.id}`, {
      method: 'DELETE',
      token,
      params: { id: cumbria.id },
    });
    expect(removed.status).toBe(404);
    const deliveries = await call(listDeliveriesRoute, `/webhooks/${cumbria.id}/deliveries`, {
      token,
      params: { id: cumbria.id },
    });
    expect(deliveries.status).toBe(404);
  });

  it('in production, refuses at once a URL whose host is an address of our own network', async () => {
    const { registerWebhook } = await import('@/lib/webhooks/register-webhook');
    const lead = await actorFor(LEAD);
    const production = parseEnv({
      ...process.env,
      NODE_ENV: 'production',
      AUTH_SECRET: 'a-production-secret-for-this-test-only-0123456789',
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://10.0.0.8/x',
      'http://[::ffff:192.168.1.1]/x',
    ])
      await expect(
        registerWebhook(lead.actor, lead.audit, { url, events: ['post.held'] }, production),
      ).rejects.toMatchObject({ code: 'validation_failed', fields: { url: expect.any(String) } });
    expect(await db.webhook.count()).toBe(0);
  });
});

describe('delivering', () => {
  it('a published post arrives with the headers and verifies with the secret', async () => {
    const hook = await registered(LANCS, {
      events: ['post.published'],
      organisation: 'lancashire',
    });
    const { post, message, channel } = await publishedPost();
    const report = await drainOutbox();
    expect(report.deliveries).toBe(1);
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: 'pending', event: 'post.published' });

    await deliverWebhook({ deliveryId: delivery!.id }, context(new Date()));
    expect(endpoint.received).toHaveLength(1);
    const [received] = endpoint.received;
    expect(received!.headers['content-type']).toBe('application/json');
    expect(received!.headers['signpost-event']).toBe('post.published');
    expect(received!.headers['signpost-delivery']).toBe(delivery!.id);
    expect(received!.headers['user-agent']).toMatch(/Signpost/);
    const header = received!.headers['signpost-signature'] as string;
    expect(
      verifySignature({ secret: hook.secret, body: received!.body, header, now: new Date() }),
    ).toBe(true);
    expect(
      verifySignature({ secret: `${hook.secret}x`, body: received!.body, header, now: new Date() }),
    ).toBe(false);
    expect(
      verifySignature({ secret: hook.secret, body: `${received!.body} `, header, now: new Date() }),
    ).toBe(false);

    const body = JSON.parse(received!.body) as {
      id: string;
      event: string;
      data: { post: Record<string, unknown> };
    };
    expect(body.event).toBe('post.published');
    expect(body.id).toMatch(/^evt_\d+$/);
    expect(body.data.post).toMatchObject({
      id: post.id,
      status: 'published',
      platform: 'x',
      organisation: { slug: 'lancashire' },
      channel: { handle: channel.handle },
      message: { id: message.id, title: message.title },
      campaign: { id: message.campaignId },
      url: `https://x.example/p/${post.id}`,
    });
    const after = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } });
    expect(after).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 204 });
    expect(after.responseMs).not.toBeNull();
  });

  it('an organisation’s webhook hears only its own organisation; a region-wide one hears all; planning twice adds nothing', async () => {
    const lancs = await registered(LANCS, {
      events: ['post.published'],
      organisation: 'lancashire',
    });
    const region = await registered(LEAD, { events: ['post.published'] });
    const other = await registered(ADMIN, { events: ['post.failed'], organisation: 'lancashire' });
    await publishedPost('cumbria');
    await drainOutbox();
    expect(await deliveriesOf(lancs.id)).toHaveLength(0);
    expect(await deliveriesOf(region.id)).toHaveLength(1);
    expect(await deliveriesOf(other.id)).toHaveLength(0);

    const { planDeliveries } = await import('@/lib/webhooks/plan-deliveries');
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: 'post.published' },
      orderBy: { id: 'desc' },
    });
    const event = {
      outboxId: 0n,
      auditEventId: audit.id,
      at: audit.at,
      action: audit.action,
      entityType: audit.entityType,
      entityId: audit.entityId,
      organisationId: audit.organisationId,
      actorId: audit.actorId,
      actorLabel: audit.actorLabel,
      before: audit.before,
      after: audit.after,
    };
    const again = await db.$transaction((tx) => planDeliveries(tx, [event, event], new Date()));
    expect(again).toEqual([]);
    expect(await deliveriesOf(region.id)).toHaveLength(1);
  });

  it('a failing endpoint is retried, and after a day of failures the webhook is disabled and its registrant told', async () => {
    const hook = await registered(LANCS, {
      events: ['post.published'],
      organisation: 'lancashire',
    });
    endpoint.answer = 500;
    await publishedPost();
    await publishedPost();
    await drainOutbox();
    const [first, second] = await deliveriesOf(hook.id);
    const start = new Date();
    await expect(deliverWebhook({ deliveryId: first!.id }, context(start))).rejects.toThrow(
      /failed/,
    );
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({
      status: 'failed',
      lastStatusCode: 500,
      attempts: 1,
    });
    const failing = await db.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(failing.failingSince).not.toBeNull();
    expect(failing.disabledAt).toBeNull();
    // A retry, an hour on: still failing, still enabled.
    const hourLater = new Date(start.getTime() + 3_600_000);
    await expect(deliverWebhook({ deliveryId: first!.id }, context(hourLater))).rejects.toThrow();
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({
      attempts: 2,
    });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).disabledAt).toBeNull();

    // A day after the first failure: disabled, the waiting delivery abandoned, the event recorded.
    const dayLater = new Date(start.getTime() + DISABLE_AFTER_MS + 1000);
    await expect(
      attemptDelivery({ deliveryId: first!.id }, context(dayLater)),
    ).resolves.toMatchObject({ disabled: true });
    const disabled = await db.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.disabledReason).toMatch(/failed for a day/);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject(
      { status: 'abandoned' },
    );
    const lancs = await actorFor(LANCS);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: 'webhook.disabled', entityId: hook.id },
    });
    expect(event.after).toMatchObject({
      createdById: lancs.actor.userId,
      host: `127.0.0.1:${endpoint.port}`,
    });
    // Nothing more is sent to a disabled webhook.
    const sent = endpoint.received.length;
    await deliverWebhook({ deliveryId: second!.id }, context(dayLater));
    expect(endpoint.received).toHaveLength(sent);
  });

  it('a success clears failingSince, so failures must be a day long without one', async () => {
    const hook = await registered(LEAD, { events: ['post.published'] });
    await publishedPost();
    await drainOutbox();
    const [delivery] = await deliveriesOf(hook.id);
    endpoint.answer = 503;
    const start = new Date();
    await expect(deliverWebhook({ deliveryId: delivery!.id }, context(start))).rejects.toThrow();
    endpoint.answer = 200;
    await deliverWebhook({ deliveryId: delivery!.id }, context(new Date(start.getTime() + 60_000)));
    const webhook = await db.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(webhook.failingSince).toBeNull();
  });

  it('a hanging endpoint is abandoned after the timeout; on the last attempt the delivery is abandoned', async () => {
    const hook = await registered(LEAD, { events: ['post.published'] });
    endpoint.answer = 'hang';
    await publishedPost();
    await drainOutbox();
    const [delivery] = await deliveriesOf(hook.id);
    const settings = parseEnv({ ...process.env, WEBHOOK_TIMEOUT_SECONDS: '0.3' });
    const outcome = await attemptDelivery(
      { deliveryId: delivery!.id },
      { now: () => new Date(), attempt: 14, willRetry: false, settings },
    );
    expect(outcome.status).toBe('abandoned');
    expect(outcome.result?.error).toMatch(/No answer within 0.3 s/);
    expect(
      await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery!.id } }),
    ).toMatchObject({
      status: 'abandoned',
      lastStatusCode: null,
    });
  });

  it('an endpoint on 127.0.0.1 or 10.x, or a name resolving to loopback, is refused in production and allowed in tests', async () => {
    const hook = await registered(LEAD, { events: ['post.published'] });
    // Production's settings, with the key the secret was sealed with: only the guard differs.
    const production = {
      ...parseEnv({
        ...process.env,
        NODE_ENV: 'production',
        AUTH_SECRET: 'a-production-secret-for-this-test-only-0123456789',
        CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
      }),
      CREDENTIALS_KEY: env().CREDENTIALS_KEY,
    };
    await publishedPost();
    await drainOutbox();
    const [delivery] = await deliveriesOf(hook.id);
    const refuse = async (url: string, reason: RegExp) => {
      await db.webhook.update({ where: { id: hook.id }, data: { url } });
      await db.webhookDelivery.update({ where: { id: delivery!.id }, data: { status: 'pending' } });
      const outcome = await attemptDelivery(
        { deliveryId: delivery!.id },
        { now: () => new Date(), attempt: 1, willRetry: true, settings: production },
      );
      expect(outcome.status, url).toBe('failed');
      expect(outcome.result?.error, url).toMatch(reason);
    };
    await refuse(endpoint.url, /127\.0\.0\.1 is a loopback address/);
    await refuse(`http://10.20.30.40:${endpoint.port}/x`, /10\.20\.30\.40 is a private address/);
    await refuse(`http://[::ffff:127.0.0.1]:${endpoint.port}/x`, /loopback/);
    // A host name is checked on the address it resolves to, at delivery time.
    await refuse(`http://localhost:${endpoint.port}/x`, /localhost: .* is a loopback address/);
    expect(endpoint.received).toHaveLength(0);

    // In tests, loopback is allowed.
    await db.webhook.update({ where: { id: hook.id }, data: { url: endpoint.url } });
    await db.webhookDelivery.update({ where: { id: delivery!.id }, data: { status: 'pending' } });
    await deliverWebhook({ deliveryId: delivery!.id }, context(new Date()));
    expect(endpoint.received).toHaveLength(1);
  });

  it('a test event is sent now, signed, and logged; a removed webhook takes its log with it', async () => {
    const hook = await registered(LANCS, { events: ['pause.started'], organisation: 'lancashire' });
    const token = await tokenFor(LANCS);
    const tested = await call<{ status: string; event: string; lastStatusCode: number }>(
      testRoute,
      `/webhooks/${hook.id}/test`,
      { method: 'POST', token, params: { id: hook.id } },
    );
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ status: 'delivered', event: 'test', lastStatusCode: 204 });
    const [received] = endpoint.received;
    expect(received!.headers['signpost-event']).toBe('test');
    expect(
      verifySignature({
        secret: hook.secret,
        body: received!.body,
        header: received!.headers['signpost-signature'] as string,
        now: new Date(),
      }),
    ).toBe(true);
    const log = await call<{ items: { event: string }[]; nextCursor: string | null }>(
      listDeliveriesRoute,
      `/webhooks/${hook.id}/deliveries`,
      { token, params: { id: hook.id }, query: { limit: '1' } },
    );
    expect(log.status).toBe(200);
    expect(log.body.items.map((item) => item.event)).toEqual(['test']);
    const removed = await call(removeRoute, `/webhooks/${hook.id}`, {
      method: 'DELETE',
      token,
      params: { id: hook.id },
    });
    expect(removed.status).toBe(200);
    expect(await db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: 'webhook.removed', entityId: hook.id } }),
    ).toBe(1);
  });

  it('pauses and approvals reach every subscribed webhook, with their data', async () => {
    const lancs = await registered(LANCS, {
      events: ['pause.started', 'message.approved'],
      organisation: 'lancashire',
    });
    const lead = await actorFor(LEAD);
    const { createPause } = await import('@/lib/pauses/create-pause');
    const pause = await createPause(lead.actor, lead.audit, {
      scope: 'global',
      reason: 'A major incident',
    });
    const message = await approvedMessage();
    await db.$transaction((tx) =>
      recordAudit(tx, lead.audit, { action: 'message.approve', entityId: message.id }),
    );
    await drainOutbox();
    const bodies = (await deliveriesOf(lancs.id)).map(
      (row) =>
        JSON.parse(row.body) as { event: string; data: Record<string, Record<string, unknown>> },
    );
    const started = bodies.find((body) => body.event === 'pause.started');
    expect(started?.data.pause).toMatchObject({
      id: pause.id,
      scope: 'global',
      reason: 'A major incident',
      organisation: null,
      liftedAt: null,
    });
    const approved = bodies.find((body) => body.event === 'message.approved');
    expect(approved?.data.message).toMatchObject({
      id: message.id,
      title: message.title,
      campaign: { id: message.campaignId },
    });
    await db.pause.update({ where: { id: pause.id }, data: { liftedAt: new Date() } });
  });
});

describe('the sweep', () => {
  it('enqueues again every delivery still owed by an enabled webhook, and only those', async () => {
    const { sweepDeliveries } = await import('@/lib/webhooks/sweep-deliveries');
    const { queue } = await import('@/lib/queue/queues');
    const { QUEUES, deliverWebhookJobId } = await import('@/lib/queue/jobs');
    const hook = await registered(LEAD, { events: ['post.published'] });
    const gone = await registered(ADMIN, { events: ['post.published'] });
    await publishedPost();
    await drainOutbox();
    const [owed] = await deliveriesOf(hook.id);
    await db.webhook.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    const [disabled] = await deliveriesOf(gone.id);
    const webhooks = queue(QUEUES.webhooks);
    // As after a Redis flush: the jobs are gone, the database still says what is owed.
    await webhooks.obliterate({ force: true });
    await sweepDeliveries(new Date());
    expect(await webhooks.getJob(deliverWebhookJobId({ deliveryId: owed!.id }))).toBeDefined();
    expect(
      await webhooks.getJob(deliverWebhookJobId({ deliveryId: disabled!.id })),
    ).toBeUndefined();
  });

  it('disables a webhook a day into failing whose deliveries ran out of retries before then', async () => {
    const { sweepDeliveries } = await import('@/lib/webhooks/sweep-deliveries');
    const hook = await registered(LANCS, {
      events: ['post.published'],
      organisation: 'lancashire',
    });
    const start = new Date();
    await db.webhook.update({ where: { id: hook.id }, data: { failingSince: start } });
    expect((await sweepDeliveries(new Date(start.getTime() + 3_600_000))).disabled).toBe(0);
    const report = await sweepDeliveries(new Date(start.getTime() + DISABLE_AFTER_MS));
    expect(report.disabled).toBe(1);
    expect(
      (await db.webhook.findUniqueOrThrow({ where: { id: hook.id } })).disabledAt,
    ).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: 'webhook.disabled', entityId: hook.id } }),
    ).toBe(1);
  });
});
