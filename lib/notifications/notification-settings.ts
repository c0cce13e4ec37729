// Each person's own email choices (Settings → Notifications): per kind, email at once, the daily
// digest or none, and the digest's UK hour. A kind left at its role's default is not stored, so
// the default follows the person's roles if they change; the dispatcher reads the choice through
// deliveryFor (kinds.ts) when it raises a notification.
import { z } from 'zod';
import { type CurrentActor, auditActor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { DEFAULT_DIGEST_HOUR } from './digest-hour';
import {
  defaultDelivery,
  deliveryFor,
  EMAIL_DELIVERIES,
  type EmailDelivery,
  NOTIFICATION_KIND_NAMES,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from './kinds';

const Delivery = z.enum(EMAIL_DELIVERIES, {
  error: 'must be "immediate" (email at once), "digest" (in the daily digest) or "none"',
});

export const NotificationSettingsUpdate = z
  .strictObject({
    /** Kind → choice; a kind not named takes the role's default. */
    email: z.partialRecord(
      z.enum(NOTIFICATION_KIND_NAMES, {
        error: `names a kind Signpost does not send; the kinds are ${NOTIFICATION_KIND_NAMES.join(', ')}`,
      }),
      Delivery,
      { error: 'must map each kind of notification to "immediate", "digest" or "none"' },
    ),
    digestHour: z
      .number({ error: 'must be an hour of the day, 0 to 23 (UK time)' })
      .int('must be a whole hour, 0 to 23 (UK time)')
      .min(0, 'must be an hour of the day, 0 to 23 (UK time)')
      .max(23, 'must be an hour of the day, 0 to 23 (UK time)'),
  })
  .meta({ id: 'NotificationSettingsUpdate' });
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdate>;

export const NotificationSettingsView = z
  .object({
    digestHour: z.number().int(),
    kinds: z.array(
      z.object({
        kind: z.enum(NOTIFICATION_KIND_NAMES),
        label: z.string(),
        /** What the person's roles get when they choose nothing. */
        default: Delivery,
        /** What they get: their choice, or the default. */
        delivery: Delivery,
      }),
    ),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettingsView = z.infer<typeof NotificationSettingsView>;

const rolesOf = (actor: CurrentActor) => actor.memberships.map((membership) => membership.role);

function view(
  actor: CurrentActor,
  stored: { email: unknown; digestHour: number } | null,
): NotificationSettingsView {
  const roles = rolesOf(actor);
  return {
    digestHour: stored?.digestHour ?? DEFAULT_DIGEST_HOUR,
    kinds: NOTIFICATION_KIND_NAMES.map((kind) => ({
      kind,
      label: NOTIFICATION_KINDS[kind].label,
      default: defaultDelivery(kind, roles),
      delivery: deliveryFor(kind, roles, stored?.email),
    })),
  };
}

export async function notificationSettingsFor(
  actor: CurrentActor,
): Promise<NotificationSettingsView> {
  const stored = await db.notificationSettings.findUnique({
    where: { userId: actor.userId },
    select: { email: true, digestHour: true },
  });
  return view(actor, stored);
}

export async function saveNotificationSettings(
  actor: CurrentActor,
  update: NotificationSettingsUpdate,
): Promise<NotificationSettingsView> {
  const roles = rolesOf(actor);
  // Only the choices that differ from the role's default.
  const email: Partial<Record<NotificationKind, EmailDelivery>> = {};
  for (const kind of NOTIFICATION_KIND_NAMES) {
    const choice = update.email[kind];
    if (choice !== undefined && choice !== defaultDelivery(kind, roles)) email[kind] = choice;
  }
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.notificationSettings.findUnique({
      where: { userId: actor.userId },
      select: { email: true, digestHour: true },
    });
    const after = await tx.notificationSettings.upsert({
      where: { userId: actor.userId },
      create: { userId: actor.userId, email, digestHour: update.digestHour },
      update: { email, digestHour: update.digestHour },
      select: { email: true, digestHour: true },
    });
    await recordAudit(tx, auditActor(actor), {
      action: 'user.notification_settings',
      entityId: actor.userId,
      before,
      after,
    });
    return after;
  });
  return view(actor, saved);
}
