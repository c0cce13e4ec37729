// A time to publish, as the API sends it (ISO 8601 with an offset: an exact instant) or as the
// web form does (a UK wall-clock date and time, with which of a repeated hour was meant).
import { z } from 'zod';
import { AppError } from '../errors';
import {
  AmbiguousChoice,
  LocalDate,
  LocalTime,
  parseScheduleTime,
  resolveLocalTime,
  UK_TIME_ZONE,
} from '../scheduling/london-time';

export const ScheduleTime = z.union([
  z.string().max(64).meta({ description: 'ISO 8601 with an offset, e.g. 2026-03-29T00:30:00Z' }),
  z.strictObject({ date: LocalDate, time: LocalTime, choice: AmbiguousChoice.optional() }).meta({
    description:
      'UK wall-clock time; `choice` says which of a repeated hour (clocks going back) is meant',
  }),
]);
export type ScheduleTime = z.infer<typeof ScheduleTime>;

/** The instant, or a 400 naming the field and saying plainly what to do. */
export function resolveScheduleTime(value: ScheduleTime, field: string): Date {
  if (typeof value === 'string') {
    const parsed = parseScheduleTime(value, UK_TIME_ZONE);
    if (parsed.kind === 'ok') return parsed.instant;
    throw new AppError('validation_failed', parsed.message, { [field]: parsed.message });
  }
  const resolved = resolveLocalTime(
    { date: value.date, time: value.time },
    UK_TIME_ZONE,
    value.choice,
  );
  if (resolved.kind === 'ok') return resolved.instant;
  const fields: Record<string, string> = { [field]: resolved.message };
  // The clocks going back: the time happens twice, so the caller must say which is meant.
  if (resolved.kind === 'ambiguous')
    fields[`${field}.choice`] = 'required: "earlier" (BST) or "later" (GMT)';
  throw new AppError('validation_failed', resolved.message, fields);
}
