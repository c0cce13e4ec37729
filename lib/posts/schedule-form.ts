// The "Schedule this message" form as plain values, and what the dialog derives from it: the
// platforms on offer, and the exact body scheduleMessage receives (or why it cannot be sent yet).
// Pure, so it runs in the browser as the person types and is tested without a page.
import { PLATFORMS, type Platform } from '../platforms/types';
import { MAX_STAGGER_MINUTES, PAST_GRACE_MS } from '../scheduling/fan-out';
import { resolveLocalTime, UK_TIME_ZONE, type AmbiguousChoice } from '../scheduling/london-time';
import type { ScheduleRequest } from './schedule-message';
import type { SchedulingOptions, SchedulingOrganisation } from './scheduling-options';

export type ScheduleMode = 'organisations' | 'channels';

/** A UK wall-clock time as the fields hold it; `date` is null until a day is picked. */
export interface FormTime {
  date: string | null;
  time: string;
  choice?: AmbiguousChoice;
}

export interface ScheduleForm {
  mode: ScheduleMode;
  /** Fan-out: the organisations ticked. */
  organisationSlugs: string[];
  /**
   * Fan-out: platforms switched off. Kept as exclusions so a platform that a newly ticked
   * organisation brings starts switched on, as every platform does.
   */
  excludedPlatforms: Platform[];
  /** Fan-out: the first organisation's time. Specific channels: every post's time. */
  at: FormTime;
  /** As the number field reports it: '' while the field is empty. */
  staggerMinutes: number | string;
  /** Specific channels: the channels ticked. */
  channelIds: string[];
}

export const DEFAULT_STAGGER_MINUTES = 10;

export function initialScheduleForm(options: SchedulingOptions): ScheduleForm {
  const withChannels = new Set(options.channels.map((channel) => channel.organisationId));
  return {
    mode: 'organisations',
    // An organisation with nothing to post on would only be a tick that does nothing.
    organisationSlugs: options.defaultOrganisationSlugs.filter((slug) =>
      options.organisations.some((o) => o.slug === slug && withChannels.has(o.id)),
    ),
    // Platforms the message cannot go on start switched off: ticked, they would refuse it all.
    excludedPlatforms: PLATFORMS.filter((platform) => options.platformProblems[platform]),
    at: { date: null, time: '' },
    staggerMinutes: DEFAULT_STAGGER_MINUTES,
    channelIds: [],
  };
}

/** The platforms at least one of the ticked organisations has an active channel on. */
export function offeredPlatforms(
  options: SchedulingOptions,
  organisationSlugs: string[],
): Platform[] {
  const ids = new Set(chosenOrganisations(options, organisationSlugs).map((o) => o.id));
  const present = new Set(
    options.channels.filter((c) => ids.has(c.organisationId)).map((c) => c.platform),
  );
  return PLATFORMS.filter((platform) => present.has(platform));
}

export function chosenPlatforms(options: SchedulingOptions, form: ScheduleForm): Platform[] {
  return offeredPlatforms(options, form.organisationSlugs).filter(
    (platform) => !form.excludedPlatforms.includes(platform),
  );
}

type RequestTime = { date: string; time: string; choice?: AmbiguousChoice };

/** The time as the request carries it and the instant it names; null until it names one. */
export function formTime(at: FormTime): { value: RequestTime; instant: Date } | null {
  if (!at.date || !/^\d{2}:\d{2}$/.test(at.time)) return null;
  const local = { date: at.date, time: at.time };
  const asked = resolveLocalTime(local, UK_TIME_ZONE);
  // Only a repeated hour needs the answer; sending a leftover one elsewhere would only confuse.
  const choice = asked.kind === 'ambiguous' ? at.choice : undefined;
  const resolved = choice ? resolveLocalTime(local, UK_TIME_ZONE, choice) : asked;
  if (resolved.kind !== 'ok') return null;
  return { value: choice ? { ...local, choice } : local, instant: resolved.instant };
}

export function staggerOf(value: number | string): number | null {
  const minutes = typeof value === 'number' ? value : Number.NaN;
  return Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_STAGGER_MINUTES
    ? minutes
    : null;
}

const NOT_READY = {
  organisation: 'Choose at least one organisation.',
  platform: 'Choose at least one platform.',
  channel: 'Choose at least one channel.',
  past: 'That time has already passed.',
  stagger: `Give the stagger as whole minutes, 0 to ${MAX_STAGGER_MINUTES}.`,
};

export type PreparedSchedule = { ok: true; body: ScheduleRequest } | { ok: false; reason: string };

/** The body for scheduleMessage, or why the form cannot be sent yet, in words for the person. */
export function prepareSchedule(
  options: SchedulingOptions,
  form: ScheduleForm,
  now: Date,
): PreparedSchedule {
  const fanOut = form.mode === 'organisations';
  if (fanOut && form.organisationSlugs.length === 0) return refuse(NOT_READY.organisation);
  if (fanOut && chosenPlatforms(options, form).length === 0) return refuse(NOT_READY.platform);
  if (!fanOut && form.channelIds.length === 0) return refuse(NOT_READY.channel);
  const time = formTime(form.at);
  if (time === null) return refuse(timeReason(form.at));
  if (time.instant.getTime() < now.getTime() - PAST_GRACE_MS) return refuse(NOT_READY.past);
  if (!fanOut) {
    const ids = options.channels.filter((c) => form.channelIds.includes(c.id)).map((c) => c.id);
    return {
      ok: true,
      body: { targets: ids.map((channelId) => ({ channelId, scheduledAt: time.value })) },
    };
  }
  const staggerMinutes = staggerOf(form.staggerMinutes);
  if (staggerMinutes === null) return refuse(NOT_READY.stagger);
  return {
    ok: true,
    body: {
      organisations: chosenOrganisations(options, form.organisationSlugs).map((o) => o.slug),
      platforms: chosenPlatforms(options, form),
      startAt: time.value,
      staggerMinutes,
    },
  };
}

/** Why a time names no instant yet; the time field itself explains the clocks change in full. */
function timeReason(at: FormTime): string {
  if (!at.date || !/^\d{2}:\d{2}$/.test(at.time)) return 'Choose a date and a time.';
  const resolved = resolveLocalTime({ date: at.date, time: at.time }, UK_TIME_ZONE);
  switch (resolved.kind) {
    case 'nonexistent':
      return `${at.time} does not exist that day: the clocks go forward.`;
    case 'ambiguous':
      return `Say which ${at.time} you mean: it happens twice that day.`;
    case 'invalid':
      return resolved.message;
    default:
      return 'Choose a date and a time.';
  }
}

function refuse(reason: string): PreparedSchedule {
  return { ok: false, reason };
}

/** In the order the dialog lists them, which is also the order they post in. */
export function chosenOrganisations(
  options: SchedulingOptions,
  slugs: string[],
): SchedulingOrganisation[] {
  return options.organisations.filter((o) => slugs.includes(o.slug));
}
