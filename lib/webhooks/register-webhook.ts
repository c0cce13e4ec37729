// Registering a webhook: for one organisation (administrators, campaign leads; comms officers
// for their own force) or region-wide with none (administrators and campaign leads). The secret
// is answered once here and never again.
import { z } from 'zod';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db';
import { env, type Env } from '../env';
import { forbidden, invalid } from '../errors';
import { WEBHOOK_EVENTS } from './events';
import { newWebhookSecret, sealWebhookSecret } from './webhook-secret';
import { productionUrlProblem, WebhookUrl, webhookHost } from './webhook-url';
import { toWebhookView, WEBHOOK_VIEW_SELECT, WebhookView } from './webhook-view';

export const WebhookRequest = z
  .strictObject({
    url: WebhookUrl,
    events: z
      .array(
        z.enum(WEBHOOK_EVENTS, {
          error: () => `is not a webhook event (one of ${WEBHOOK_EVENTS.join(', ')})`,
        }),
      )
      .min(1, 'choose at least one event')
      .max(WEBHOOK_EVENTS.length * 2)
      .transform((events) => [...new Set(events)]),
    organisation: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'organisation slug; leave out for a region-wide webhook' }),
  })
  .meta({ id: 'WebhookRequest' });
export type WebhookRequest = z.infer<typeof WebhookRequest>;

export const CreatedWebhook = WebhookView.extend({
  secret: z.string().meta({ description: 'the signing secret, shown this once' }),
}).meta({ id: 'CreatedWebhook' });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export async function registerWebhook(
  actor: Actor,
  audit: AuditActor,
  request: WebhookRequest,
  settings: Env = env(),
): Promise<CreatedWebhook> {
  if (settings.NODE_ENV === 'production') {
    const problem = productionUrlProblem(request.url);
    if (problem) throw invalid(`The URL cannot be used: ${problem}.`, { url: problem });
  }
  let organisation: { id: string; name: string } | null = null;
  if (request.organisation !== undefined) {
    organisation = await db.organisation.findUnique({
      where: { slug: request.organisation },
      select: { id: true, name: true },
    });
    if (!organisation)
      throw invalid(`Unknown organisation: ${request.organisation}.`, {
        organisation: 'unknown organisation',
      });
  }
  if (!can(actor, 'webhook.manage', { organisationId: organisation?.id ?? null })) {
    throw forbidden(
      organisation
        ? `You may not register webhooks for ${organisation.name}.`
        : 'Only administrators and campaign leads register region-wide webhooks; choose your organisation.',
    );
  }
  const secret = newWebhookSecret();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.webhook.create({
      data: {
        url: request.url,
        events: request.events,
        organisationId: organisation?.id ?? null,
        secretEncrypted: sealWebhookSecret(secret, settings.CREDENTIALS_KEY),
        createdById: actor.userId,
      },
      select: WEBHOOK_VIEW_SELECT,
    });
    await recordAudit(tx, audit, {
      action: 'webhook.created',
      entityId: row.id,
      organisationId: row.organisation?.id ?? null,
      after: { host: webhookHost(row.url), events: row.events },
    });
    return row;
  });
  return { ...toWebhookView(created), secret };
}
