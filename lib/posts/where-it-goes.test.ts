import { describe, expect, it } from 'vitest';
import type { PostView } from './post-view';
import { groupByPlace } from './where-it-goes';

const post = (
  id: string,
  organisation: string,
  channel: string,
  platform: PostView['platform'],
): PostView => ({
  id,
  messageId: 'm1',
  messageTitle: 'Help',
  campaignId: 'c1',
  channelId: `${organisation}-${channel}`,
  channel: { handle: channel, status: 'active' },
  organisationId: organisation,
  organisation: { slug: organisation, name: organisation.toUpperCase() },
  platform,
  language: 'en',
  pairId: null,
  scheduledAt: '2026-12-01T09:00:00.000Z',
  status: 'scheduled',
  text: 'Help',
  signpostVersion: 1,
  externalId: null,
  externalUrl: null,
  attempts: 0,
  lastError: null,
  heldReason: null,
  nextAttemptAt: null,
  publishedAt: null,
  actions: [],
});

describe('where a message goes', () => {
  it('groups posts by organisation (by name), then channel (by platform and handle), keeping time order', () => {
    const places = groupByPlace([
      post('1', 'merseyside', '@MerPolice', 'x'),
      post('2', 'cumbria', '@CumbriaPolice', 'x'),
      post('3', 'merseyside', 'Merseyside Police', 'facebook'),
      post('4', 'merseyside', '@MerPolice', 'x'),
    ]);
    expect(places.map((place) => place.organisation.slug)).toEqual(['cumbria', 'merseyside']);
    const merseyside = places[1];
    expect(merseyside?.channels.map((channel) => channel.handle)).toEqual([
      'Merseyside Police',
      '@MerPolice',
    ]);
    expect(merseyside?.channels[1]?.posts.map((p) => p.id)).toEqual(['1', '4']);
  });

  it('is nothing for no posts', () => {
    expect(groupByPlace([])).toEqual([]);
  });
});
