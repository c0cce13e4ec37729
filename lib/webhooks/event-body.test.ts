import { describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../notifications/outbox-event';
import { deliveryBody, eventData, eventIdOf, type EventFacts } from './event-body';
import { hears } from './plan-deliveries';

const at = new Date('2026-12-01T12:00:00Z');
const event = (overrides: Partial<OutboxEvent>): OutboxEvent => ({
  outboxId: 1n,
  auditEventId: 42n,
  at,
  action: 'post.published',
  entityType: 'post',
  entityId: 'post-1',
  organisationId: 'lancs',
  actorId: null,
  actorLabel: 'system',
  before: null,
  after: null,
  ...overrides,
});

const facts: EventFacts = {
  posts: new Map([
    [
      'post-1',
      {
        id: 'post-1',
        platform: 'x',
        scheduledAt: at,
        publishedAt: null,
        externalUrl: 'https://x.example/stale',
        lastError: 'an older error',
        heldReason: null,
        organisation: { slug: 'lancashire', name: 'Lancashire Constabulary' },
        channel: { handle: '@LancsPolice' },
        message: { id: 'm-1', title: 'Help is available' },
        campaign: { id: 'c-1', name: 'Stop it Now' },
      },
    ],
  ]),
  messages: new Map(),
  pauses: new Map(),
};

describe('who hears an event', () => {
  const webhook = (organisationId: string | null, events = ['post.published']) => ({
    id: 'w',
    organisationId,
    events,
  });

  it('an organisation’s webhook hears its own organisation only; a region-wide one hears all', () => {
    expect(hears(webhook('lancs'), event({}), 'post.published')).toBe(true);
    expect(hears(webhook('cumbria'), event({}), 'post.published')).toBe(false);
    expect(hears(webhook(null), event({}), 'post.published')).toBe(true);
  });

  it('an event of no one organisation (a global pause, an approval) reaches every subscriber', () => {
    const global = event({ action: 'pause.created', organisationId: null });
    expect(hears(webhook('cumbria', ['pause.started']), global, 'pause.started')).toBe(true);
  });

  it('nobody hears an event they did not subscribe to', () => {
    expect(hears(webhook(null, ['post.failed']), event({}), 'post.published')).toBe(false);
  });
});

describe('the body of a delivery', () => {
  it('says what the event says, not what the post says later', () => {
    const published = event({ after: { status: 'published', externalUrl: 'https://x.example/1' } });
    expect(eventData(published, 'post.published', facts)).toMatchObject({
      post: {
        id: 'post-1',
        status: 'published',
        url: 'https://x.example/1',
        publishedAt: at.toISOString(),
        organisation: { slug: 'lancashire' },
      },
    });
    const failed = event({ action: 'post.failed', after: { error: 'X: suspended' } });
    expect(eventData(failed, 'post.failed', facts)).toMatchObject({
      post: { status: 'failed', error: 'X: suspended', url: null },
    });
  });

  it('is null when what the event is about is gone', () => {
    expect(eventData(event({ entityId: 'gone' }), 'post.published', facts)).toBeNull();
  });

  it('is {id, event, createdAt, data}, with the id from the audit event', () => {
    const body = deliveryBody({
      id: eventIdOf(event({})),
      event: 'post.published',
      createdAt: at,
      data: { a: 1 },
    });
    expect(JSON.parse(body)).toEqual({
      id: 'evt_42',
      event: 'post.published',
      createdAt: '2026-12-01T12:00:00.000Z',
      data: { a: 1 },
    });
  });
});
