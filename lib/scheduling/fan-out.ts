// Fan-out: one message scheduled for several organisations at once becomes one post per chosen
// channel. Organisations are staggered so the forces do not all post in the same minute, which
// reads as a wall of identical posts to anyone who follows more than one of them.
import { z } from 'zod';
import { PLATFORMS, Platform } from '@/lib/platforms/types';
import { UK_TIME_ZONE, formatLocal } from './london-time';

export const FanOutOrganisation = z.object({
  id: z.string().min(1),
  slug: z.string().min(1),
  /** As people know it ("Lancashire Constabulary"); the slug stands in when absent. */
  name: z.string().min(1).optional(),
});
export type FanOutOrganisation = z.infer<typeof FanOutOrganisation>;

export const FanOutChannel = z.object({
  id: z.string().min(1),
  organisationId: z.string().min(1),
  platform: Platform,
});
export type FanOutChannel = z.infer<typeof FanOutChannel>;

export const MAX_STAGGER_MINUTES = 1440;

export const FanOutRequest = z.object({
  /** In the order they should post. */
  organisations: z.array(FanOutOrganisation).min(1),
  channels: z.array(FanOutChannel),
  /** Only channels on these platforms; every platform when absent. */
  platforms: z.array(Platform).min(1).optional(),
  startAt: z.date(),
  staggerMinutes: z.number().int().min(0).max(MAX_STAGGER_MINUTES),
});
export type FanOutRequest = z.infer<typeof FanOutRequest>;

export const PlannedPost = z.object({
  channelId: z.string().min(1),
  organisationId: z.string().min(1),
  platform: Platform,
  scheduledAt: z.date(),
});
export type PlannedPost = z.infer<typeof PlannedPost>;

/**
 * One post per chosen channel. The k-th organisation that has a chosen channel posts at
 * startAt + k × stagger (k from 0); all of its channels share that time. Organisations with no
 * chosen channel take no slot, so the first to post always posts at startAt. Ordered by
 * organisation as given, then platform (as PLATFORMS lists them), then channel id. A repeated
 * organisation or channel is planned once: nothing goes out twice.
 */
export function planFanOut(request: FanOutRequest): PlannedPost[] {
  const { startAt, staggerMinutes } = request;
  if (Number.isNaN(startAt.getTime())) throw new RangeError('startAt is not a valid date');
  if (
    !Number.isInteger(staggerMinutes) ||
    staggerMinutes < 0 ||
    staggerMinutes > MAX_STAGGER_MINUTES
  ) {
    throw new RangeError(
      `staggerMinutes must be 0 to ${MAX_STAGGER_MINUTES}, not ${staggerMinutes}`,
    );
  }

  const byOrganisation = chosenChannelsByOrganisation(request);
  const planned: PlannedPost[] = [];
  let slot = 0;
  for (const organisationId of uniqueOrganisationIds(request.organisations)) {
    const channels = byOrganisation.get(organisationId) ?? [];
    if (channels.length === 0) continue;
    const scheduledAt = new Date(startAt.getTime() + slot * staggerMinutes * 60_000);
    for (const channel of channels) {
      planned.push({
        channelId: channel.id,
        organisationId,
        platform: channel.platform,
        scheduledAt,
      });
    }
    slot += 1;
  }
  return planned;
}

/** The chosen organisations that have no channel on the chosen platforms, in the order given. */
export function organisationsWithoutChannels(request: FanOutRequest): FanOutOrganisation[] {
  const byOrganisation = chosenChannelsByOrganisation(request);
  const seen = new Set<string>();
  return request.organisations.filter((organisation) => {
    if (seen.has(organisation.id)) return false;
    seen.add(organisation.id);
    return (byOrganisation.get(organisation.id) ?? []).length === 0;
  });
}

/** Something wrong with a schedule request, in words a person can act on. */
export interface SchedulingProblem {
  code: 'no_channels' | 'in_the_past' | 'duplicate_organisation' | 'duplicate_post';
  /** The request field at fault, as API.md's error `fields` name it. */
  field: string;
  message: string;
}

/**
 * A time up to this long ago still counts as now: the form picks whole minutes, so "09:00"
 * chosen at 09:00:40 means "now", not "in the past".
 */
export const PAST_GRACE_MS = 60_000;

/** Problems that must stop a fan-out request; an empty list means it may go ahead. */
export function checkFanOut(
  request: FanOutRequest,
  now: Date,
  zone: string = UK_TIME_ZONE,
): SchedulingProblem[] {
  const problems: SchedulingProblem[] = [];
  const firstIndex = new Map<string, number>();
  request.organisations.forEach((organisation, index) => {
    const first = firstIndex.get(organisation.id);
    if (first === undefined) {
      firstIndex.set(organisation.id, index);
      return;
    }
    problems.push({
      code: 'duplicate_organisation',
      field: `organisations.${index}`,
      message: `${organisation.name ?? organisation.slug} is chosen twice.`,
    });
  });

  if (planFanOut(request).length === 0) {
    problems.push({
      code: 'no_channels',
      field: request.platforms === undefined ? 'organisations' : 'platforms',
      message:
        request.platforms === undefined
          ? 'None of the chosen organisations has a channel to publish on.'
          : 'None of the chosen organisations has a channel on the chosen platforms.',
    });
  }

  if (isPast(request.startAt, now)) {
    problems.push({
      code: 'in_the_past',
      field: 'startAt',
      message: pastMessage(request.startAt, zone),
    });
  }
  return problems;
}

/**
 * Problems with posts listed one by one (the `targets` form of a schedule request): a time that
 * has passed, or the same channel twice at the same minute.
 */
export function checkPlannedPosts(
  posts: readonly { channelId: string; scheduledAt: Date }[],
  now: Date,
  zone: string = UK_TIME_ZONE,
  /** How a post is named in a problem ("post 3"; a CSV import says "line 4"). */
  name: (index: number) => string = (index) => `post ${index + 1}`,
): SchedulingProblem[] {
  const problems: SchedulingProblem[] = [];
  const firstIndex = new Map<string, number>();
  posts.forEach((post, index) => {
    if (isPast(post.scheduledAt, now)) {
      problems.push({
        code: 'in_the_past',
        field: `targets.${index}.scheduledAt`,
        message: pastMessage(post.scheduledAt, zone),
      });
    }
    // Seconds are not shown anywhere, so two posts in the same minute look identical to people.
    const key = `${post.channelId} ${Math.floor(post.scheduledAt.getTime() / 60_000)}`;
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      return;
    }
    problems.push({
      code: 'duplicate_post',
      field: `targets.${index}`,
      message: `${capitalise(name(index))} repeats ${name(first)}: the same channel at ${formatLocal(post.scheduledAt, zone)}.`,
    });
  });
  return problems;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isPast(time: Date, now: Date): boolean {
  return time.getTime() < now.getTime() - PAST_GRACE_MS;
}

function pastMessage(time: Date, zone: string): string {
  return `${formatLocal(time, zone)} has already passed. Choose a later time.`;
}

function uniqueOrganisationIds(organisations: readonly FanOutOrganisation[]): string[] {
  return [...new Set(organisations.map((organisation) => organisation.id))];
}

function chosenChannelsByOrganisation(request: FanOutRequest): Map<string, FanOutChannel[]> {
  const platforms = new Set<Platform>(request.platforms ?? PLATFORMS);
  const chosen = new Set(request.organisations.map((organisation) => organisation.id));
  const seen = new Set<string>();
  const byOrganisation = new Map<string, FanOutChannel[]>();
  for (const channel of request.channels) {
    if (!chosen.has(channel.organisationId) || !platforms.has(channel.platform)) continue;
    if (seen.has(channel.id)) continue;
    seen.add(channel.id);
    const list = byOrganisation.get(channel.organisationId) ?? [];
    list.push(channel);
    byOrganisation.set(channel.organisationId, list);
  }
  for (const list of byOrganisation.values()) list.sort(byPlatformThenId);
  return byOrganisation;
}

function byPlatformThenId(a: FanOutChannel, b: FanOutChannel): number {
  const platform = PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform);
  if (platform !== 0) return platform;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
