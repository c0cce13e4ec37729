// A campaign lead (or an administrator) changes the helpline signpost. Versions are only ever
// added: version N+1 is a full copy with the change, so every post can say which signpost it
// carried. Posts not yet published pick the new version up when they are rendered to publish.
import { z } from 'zod';
import { Prisma } from '@/prisma/generated/client';
import { type CurrentActor, auditActor } from '../auth/actor';
import { can } from '../auth/permissions';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { isUniqueViolation } from '../db-errors';
import { env } from '../env';
import { AppError, conflict, forbidden } from '../errors';
import { rulesFor } from '../platforms/rules';
import { PLATFORMS, Platform } from '../platforms/types';
import { helplineLinkProblem } from './helpline-link';
import { type SignpostView, toSignpostView } from './signpost-store';

/** The fields a wording template may use; anything else in braces is a mistake. */
export const SIGNPOST_TEMPLATE_FIELDS = ['helplineName', 'phone', 'url'] as const;
const TEMPLATE_FIELD = /\{([A-Za-z][\w-]{0,39})\}/g;
const KNOWN_FIELDS: ReadonlySet<string> = new Set(SIGNPOST_TEMPLATE_FIELDS);

const Template = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .superRefine((template, context) => {
      const unknown = [
        ...new Set(Array.from(template.matchAll(TEMPLATE_FIELD), (match) => match[1] ?? '')),
      ].filter((name) => !KNOWN_FIELDS.has(name));
      if (unknown.length) {
        const names = unknown.map((name) => `{${name}}`).join(', ');
        context.addIssue({
          code: 'custom',
          message: `has unknown placeholder${unknown.length > 1 ? 's' : ''} ${names}; use {helplineName}, {phone} or {url}`,
        });
      }
      if (!template.includes('{phone}'))
        context.addIssue({ code: 'custom', message: 'must contain {phone}' });
    });

const Wording = z.strictObject({ full: Template(1000), short: Template(500) });

const DIGITS = /\d/g;

export const SignpostUpdate = z
  .strictObject({
    helplineName: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters'),
    phone: z
      .string()
      .trim()
      .max(30, 'must be at most 30 characters')
      .regex(
        /^\+?[\d\s().-]+$/,
        'must be a phone number: digits, spaces, dashes, dots, brackets and an optional leading +',
      )
      .refine((phone) => {
        const digits = phone.match(DIGITS)?.length ?? 0;
        return digits >= 10 && digits <= 13;
      }, 'must have 10 to 13 digits'),
    url: z
      .url({ protocol: /^https$/, error: 'must be a web address starting https://' })
      .max(500, 'must be at most 500 characters'),
    /** Every platform's wording: each has its own limits and whether links can be clicked. */
    wording: z.record(Platform, Wording).superRefine((wording, context) => {
      for (const platform of PLATFORMS) {
        const { label, linksClickable } = rulesFor(platform);
        if (!linksClickable) continue;
        for (const form of ['full', 'short'] as const) {
          if (!wording[platform][form].includes('{url}')) {
            context.addIssue({
              code: 'custom',
              path: [platform, form],
              message: `must contain {url}: links can be clicked on ${label}`,
            });
          }
        }
      }
    }),
    /**
     * The Welsh wording (issue 13), checked as the English is. Left out, the current version's
     * Welsh is kept; null removes it.
     */
    wordingCy: z
      .record(Platform, Wording)
      .nullable()
      .optional()
      .superRefine((wording, context) => {
        if (!wording) return;
        for (const platform of PLATFORMS) {
          const { label, linksClickable } = rulesFor(platform);
          if (!linksClickable) continue;
          for (const form of ['full', 'short'] as const) {
            if (!wording[platform][form].includes('{url}')) {
              context.addIssue({
                code: 'custom',
                path: [platform, form],
                message: `must contain {url}: links can be clicked on ${label}`,
              });
            }
          }
        }
      }),
    /**
     * Whether a Welsh speaker has reviewed the Welsh wording. Left out: kept where the Welsh is
     * unchanged, false where it changes.
     */
    wordingCyReviewed: z.boolean().optional(),
    /** Read-only, as GET gives it: accepted and ignored. */
    wordingCyNote: z.string().max(200).nullable().optional(),
    /** Why it changed, for the history ("New helpline hours"). */
    note: z.string().trim().max(500, 'must be at most 500 characters').nullable().optional(),
    /**
     * The version the change was made from. When given and no longer current, the change is
     * refused (409) rather than silently replacing a colleague's newer version.
     */
    basedOnVersion: z.number().int().min(1).optional(),
    /**
     * The same check, as GET gives it: a client that reads the signpost, changes one field and
     * sends it back says which version it read (API.md, conventions).
     */
    version: z.number().int().min(1).optional(),
    /** Read-only, as GET gives it: accepted and ignored. */
    createdAt: z.string().max(64).optional(),
  })
  .refine(
    (update) =>
      update.version === undefined ||
      update.basedOnVersion === undefined ||
      update.version === update.basedOnVersion,
    { path: ['version'], message: 'must equal basedOnVersion when both are sent' },
  )
  .meta({ id: 'SignpostUpdate' });
export type SignpostUpdate = z.infer<typeof SignpostUpdate>;

const ATTEMPTS = 3;

export async function updateSignpost(
  actor: CurrentActor,
  update: SignpostUpdate,
): Promise<SignpostView> {
  if (!can(actor, 'signpost.update')) {
    throw forbidden('Only campaign leads and administrators can change the signpost.');
  }
  const linkProblem = helplineLinkProblem(update.url, env().APP_URL);
  if (linkProblem)
    throw new AppError('validation_failed', `The helpline link ${linkProblem}.`, {
      url: linkProblem,
    });
  for (let attempt = 1; ; attempt++) {
    try {
      return await addVersion(actor, update);
    } catch (error) {
      // Two leads saving at the same moment both aim for version N+1; the unique version refuses
      // one, which tries again as N+2 — unless it said which version it was editing.
      if (!isUniqueViolation(error)) throw error;
      if (basedOn(update) !== undefined || attempt >= ATTEMPTS) {
        throw conflict(
          'Someone else changed the signpost at the same moment. Reload it and make your change again.',
        );
      }
    }
  }
}

/** The version the change was made from, however the client said it. */
const basedOn = (update: SignpostUpdate) => update.basedOnVersion ?? update.version;

async function addVersion(actor: CurrentActor, update: SignpostUpdate): Promise<SignpostView> {
  return db.$transaction(async (tx) => {
    const current = await tx.signpostVersion.findFirst({ orderBy: { version: 'desc' } });
    const from = basedOn(update);
    if (from !== undefined && current && current.version !== from) {
      throw conflict(
        `The signpost is now at version ${current.version}, not ${from}: someone changed it while you were editing. Reload it and make your change again.`,
      );
    }
    const wordingCy =
      update.wordingCy === undefined ? (current?.wordingCy ?? null) : update.wordingCy;
    const welshUnchanged =
      current !== null && JSON.stringify(wordingCy) === JSON.stringify(current.wordingCy);
    const wordingCyReviewed =
      update.wordingCyReviewed ?? (welshUnchanged ? current.wordingCyReviewed : false);
    const row = await tx.signpostVersion.create({
      data: {
        version: (current?.version ?? 0) + 1,
        helplineName: update.helplineName,
        phone: update.phone,
        url: update.url,
        wording: update.wording,
        wordingCy: wordingCy ?? Prisma.DbNull,
        wordingCyReviewed,
        note: update.note ?? null,
        createdById: actor.userId,
      },
    });
    const after = toSignpostView(row);
    await recordAudit(tx, auditActor(actor), {
      action: 'signpost.update',
      entityId: row.id,
      before: current ? toSignpostView(current) : null,
      after,
    });
    return after;
  });
}
