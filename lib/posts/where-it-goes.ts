// A message's page, "Where it goes" (issue 10): its posts the person may see, by organisation and
// then channel, each organisation's channels by handle and each channel's posts by time. The
// posts come from listPosts, so the role's scope is exactly the Schedule page's.
import type { Actor } from '../auth/permissions';
import { listPosts } from './list-posts';
import type { PostView } from './post-view';

export interface ChannelPlaces {
  channelId: string;
  handle: string;
  platform: PostView['platform'];
  posts: PostView[];
}

export interface OrganisationPlaces {
  organisation: PostView['organisation'];
  channels: ChannelPlaces[];
}

/** Pure: posts in time order become organisations (by name) of channels (by platform, handle). */
export function groupByPlace(posts: readonly PostView[]): OrganisationPlaces[] {
  const organisations = new Map<string, OrganisationPlaces>();
  for (const post of posts) {
    let organisation = organisations.get(post.organisationId);
    if (!organisation) {
      organisation = { organisation: post.organisation, channels: [] };
      organisations.set(post.organisationId, organisation);
    }
    let channel = organisation.channels.find((candidate) => candidate.channelId === post.channelId);
    if (!channel) {
      channel = {
        channelId: post.channelId,
        handle: post.channel.handle,
        platform: post.platform,
        posts: [],
      };
      organisation.channels.push(channel);
    }
    channel.posts.push(post);
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');
  return [...organisations.values()]
    .sort((a, b) => byName(a.organisation.name, b.organisation.name))
    .map((organisation) => ({
      ...organisation,
      channels: organisation.channels.sort(
        (a, b) => byName(a.platform, b.platform) || byName(a.handle, b.handle),
      ),
    }));
}

/** Enough for any real message (seven forces and their partners, a few posts each). */
const MOST = 500;

export async function whereItGoes(actor: Actor, messageId: string) {
  const page = await listPosts(actor, { messageId, limit: MOST, order: 'asc' });
  return { places: groupByPlace(page.items), more: page.nextCursor !== null };
}
