// Administrators add organisations (a force joining, a regional unit, a partner) and change or
// deactivate them, without code: every picker and default reads them from the database. A
// deactivated organisation's scheduled posts are held at once with the reason, and the worker
// holds any that were already claimed (lib/publishing/find-hold.ts); reactivating makes them
// releasable again. Each change and each held post is in the audit log, in one transaction.
import { z } from 'zod';
import type { AuditActor } from '../audit/record-audit';
import { recordAudit, recordAuditMany } from '../audit/record-audit';
import { type Actor, can } from '../auth/permissions';
import { db } from '../db';
import { isUniqueViolation } from '../db-errors';
import { AppError, forbidden, notFound } from '../errors';
import {
  ORGANISATION_SUMMARY,
  OrganisationKind,
  type OrganisationSummary,
} from './list-organisations';
import { languagesOf, OrganisationLanguages } from './organisation-languages';
import { deactivatedReason } from './deactivated-reason';
import { compareOrganisations } from './fan-out-organisations';
import { OrganisationSlug } from './organisation-slug';

const Name = z.string().trim().min(2, 'Give the organisation’s name.').max(120);
const Area = z.string().trim().min(2, 'Give the area it serves, such as “Lancashire”.').max(120);

const WelshName = z.string().trim().min(2, 'Give the Welsh name, or leave it out.').max(120);

const welshFields = {
  /** Welsh and English (issue 13): ["en"], or ["cy", "en"]. */
  languages: OrganisationLanguages.optional(),
  nameCy: WelshName.nullable().optional(),
  areaCy: WelshName.nullable().optional(),
};

export const CreateOrganisationRequest = z
  .strictObject({
    name: Name,
    slug: OrganisationSlug,
    kind: OrganisationKind,
    area: Area,
    ...welshFields,
  })
  .meta({ id: 'CreateOrganisationRequest' });
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

export const UpdateOrganisationRequest = z
  .strictObject({
    name: Name.optional(),
    area: Area.optional(),
    active: z.boolean().optional(),
    ...welshFields,
    // What GET answers, sent back: read-only, accepted and ignored (API.md).
    id: z.string().optional(),
    slug: z.string().optional(),
    kind: z.string().optional(),
  })
  .meta({ id: 'UpdateOrganisationRequest' });
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

export const OrganisationChange = z
  .object({
    organisation: z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      kind: OrganisationKind,
      area: z.string(),
      languages: z.array(z.enum(['cy', 'en'])),
      nameCy: z.string().nullable(),
      areaCy: z.string().nullable(),
      active: z.boolean(),
    }),
    /** Scheduled posts this change held (deactivating); 0 otherwise. */
    heldPosts: z.number().int(),
  })
  .meta({ id: 'OrganisationChange' });
export type OrganisationChange = z.infer<typeof OrganisationChange>;

const SUMMARY = ORGANISATION_SUMMARY;

const summaryOf = <Row extends { languages: string[] }>(row: Row) => ({
  ...row,
  languages: languagesOf(row.languages),
});

function mustManage(actor: Actor) {
  if (!can(actor, 'organisation.manage', { organisationId: null }))
    throw forbidden('Only administrators can add or change organisations.');
}

export async function createOrganisation(
  actor: Actor,
  by: AuditActor,
  request: CreateOrganisationRequest,
): Promise<OrganisationSummary> {
  mustManage(actor);
  try {
    return await db.$transaction(async (tx) => {
      const created = summaryOf(await tx.organisation.create({ data: request, select: SUMMARY }));
      await recordAudit(tx, by, {
        action: 'organisation.created',
        entityId: created.id,
        organisationId: created.id,
        after: created,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        'conflict',
        `The slug “${request.slug}” is taken by another organisation.`,
        {
          slug: 'Taken by another organisation.',
        },
      );
    throw error;
  }
}

/**
 * Every organisation, active ones first, with how many scheduled posts deactivating each would
 * hold (for the confirmation), for the Organisations settings page.
 */
export async function organisationsToManage(actor: Actor) {
  mustManage(actor);
  const [organisations, scheduled] = await Promise.all([
    db.organisation.findMany({ select: SUMMARY }),
    db.post.groupBy({ by: ['organisationId'], where: { status: 'scheduled' }, _count: true }),
  ]);
  const counts = new Map(scheduled.map((row) => [row.organisationId, row._count]));
  return organisations
    .map((organisation) => ({ ...organisation, scheduledPosts: counts.get(organisation.id) ?? 0 }))
    .sort((a, b) => Number(b.active) - Number(a.active) || compareOrganisations(a, b));
}

export async function updateOrganisation(
  actor: Actor,
  by: AuditActor,
  slug: string,
  request: UpdateOrganisationRequest,
  now = new Date(),
): Promise<OrganisationChange> {
  mustManage(actor);
  return db.$transaction(async (tx) => {
    // Row lock: two administrators deactivating at once hold the posts once.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM organisations WHERE slug = ${slug} FOR UPDATE`;
    if (!locked) throw notFound('That organisation');
    const before = summaryOf(
      await tx.organisation.findUniqueOrThrow({ where: { id: locked.id }, select: SUMMARY }),
    );
    const active = request.active ?? before.active;
    const after = summaryOf(
      await tx.organisation.update({
        where: { id: before.id },
        data: {
          name: request.name,
          area: request.area,
          languages: request.languages,
          nameCy: request.nameCy,
          areaCy: request.areaCy,
          active,
          ...(active === before.active ? {} : { deactivatedAt: active ? null : now }),
        },
        select: SUMMARY,
      }),
    );
    let heldPosts = 0;
    if (before.active && !active) {
      const reason = deactivatedReason(after.name);
      const held = await tx.post.updateManyAndReturn({
        where: { organisationId: after.id, status: 'scheduled' },
        data: { status: 'held', heldReason: reason },
        select: { id: true },
      });
      heldPosts = held.length;
      await recordAuditMany(
        tx,
        by,
        held.map((post) => ({
          action: 'post.held' as const,
          entityId: post.id,
          organisationId: after.id,
          before: { status: 'scheduled' },
          after: { status: 'held', heldReason: reason },
        })),
      );
    }
    const details = (row: typeof before) => ({
      name: row.name,
      area: row.area,
      languages: row.languages,
      nameCy: row.nameCy,
      areaCy: row.areaCy,
    });
    const changedDetails = JSON.stringify(details(after)) !== JSON.stringify(details(before));
    if (changedDetails)
      await recordAudit(tx, by, {
        action: 'organisation.updated',
        entityId: after.id,
        organisationId: after.id,
        before: details(before),
        after: details(after),
      });
    if (active !== before.active)
      await recordAudit(tx, by, {
        action: active ? 'organisation.reactivated' : 'organisation.deactivated',
        entityId: after.id,
        organisationId: after.id,
        before: { name: before.name, active: before.active },
        after: { name: after.name, active, heldPosts },
      });
    return { organisation: after, heldPosts };
  });
}
