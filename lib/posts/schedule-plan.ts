// The plan a schedule form describes: who posts when, on which platforms, planned with the same
// pure fan-out rules scheduleMessage uses, so the dialog's preview is what the server writes.
import type { Platform } from '../platforms/types';
import {
  organisationsWithoutChannels,
  planFanOut,
  type FanOutRequest,
} from '../scheduling/fan-out';
import {
  chosenOrganisations,
  chosenPlatforms,
  formTime,
  staggerOf,
  type ScheduleForm,
} from './schedule-form';
import type { SchedulingOptions, SchedulingOrganisation } from './scheduling-options';

export interface PlanRow {
  organisation: SchedulingOrganisation;
  /** Null while the time (or stagger) does not yet name an instant. */
  at: Date | null;
  platforms: Platform[];
}

export interface SchedulePlan {
  rows: PlanRow[];
  posts: number;
  channels: number;
  /** Fan-out: ticked organisations with no channel on the chosen platforms; they post nothing. */
  leftOut: SchedulingOrganisation[];
}

/** What would be scheduled: one row per organisation, in the order they post. */
export function schedulePlan(options: SchedulingOptions, form: ScheduleForm): SchedulePlan {
  const instant = formTime(form.at)?.instant ?? null;
  const byId = new Map(options.organisations.map((o) => [o.id, o]));
  if (form.mode === 'channels') {
    const chosen = options.channels.filter((c) => form.channelIds.includes(c.id));
    const posts = chosen.map((c) => ({ ...c, channelId: c.id, scheduledAt: instant }));
    return summarise(posts, byId, []);
  }
  const request = fanOutRequest(options, form, instant ?? new Date(0));
  const stagger = staggerOf(form.staggerMinutes);
  const known = instant !== null && stagger !== null;
  const planned = planFanOut(request).map((post) => ({
    ...post,
    scheduledAt: known ? post.scheduledAt : null,
  }));
  const leftOut = organisationsWithoutChannels(request).flatMap((o) => byId.get(o.id) ?? []);
  return summarise(planned, byId, leftOut);
}

/** "14 posts on 14 channels". */
export function describeCount(plan: Pick<SchedulePlan, 'posts' | 'channels'>): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(plan.posts, 'post')} on ${plural(plan.channels, 'channel')}`;
}

function fanOutRequest(
  options: SchedulingOptions,
  form: ScheduleForm,
  startAt: Date,
): FanOutRequest {
  return {
    organisations: chosenOrganisations(options, form.organisationSlugs),
    channels: options.channels,
    platforms: chosenPlatforms(options, form),
    startAt,
    staggerMinutes: staggerOf(form.staggerMinutes) ?? 0,
  };
}

function summarise(
  posts: {
    channelId: string;
    organisationId: string;
    platform: Platform;
    scheduledAt: Date | null;
  }[],
  byId: Map<string, SchedulingOrganisation>,
  leftOut: SchedulingOrganisation[],
): SchedulePlan {
  const rows = new Map<string, PlanRow>();
  for (const post of posts) {
    const organisation = byId.get(post.organisationId);
    if (!organisation) continue;
    const row = rows.get(organisation.id) ?? { organisation, at: post.scheduledAt, platforms: [] };
    row.platforms.push(post.platform);
    rows.set(organisation.id, row);
  }
  const channels = new Set(posts.map((post) => post.channelId));
  return { rows: [...rows.values()], posts: posts.length, channels: channels.size, leftOut };
}
