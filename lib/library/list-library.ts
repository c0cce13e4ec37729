// An organisation's library: the messages it may publish now, newest first, each rendered for it
// on every platform with its images and what it has already shared. The partner's home and
// GET /api/v1/library answer with this.
import { z } from 'zod';
import type { Actor } from '../auth/permissions';
import { decodeCursor, toPage } from '../api/pagination';
import { db } from '../db';
import { mediaUrl } from '../media/media-url';
import { PLATFORMS } from '../platforms/types';
import { currentSignpost, toSignpost } from '../signpost/signpost-store';
import { imageCopy } from './image-copy';
import { libraryMessages } from './library-messages';
import { libraryOrganisation } from './library-organisation';
import type { LibraryItem, LibraryPage, LibraryQuery } from './library-schemas';
import { quietReasons } from './quiet-period';
import { renderForOrganisation } from './render-for-organisation';

const Cursor = z.object({ approvedAt: z.string(), id: z.string() });

export const LIBRARY_MESSAGE_SELECT = {
  id: true,
  title: true,
  theme: true,
  body: true,
  overrides: true,
  approvedAt: true,
  campaign: { select: { id: true, slug: true, name: true } },
  media: {
    orderBy: { position: 'asc' },
    select: {
      altText: true,
      media: {
        select: {
          id: true,
          storagePath: true,
          mimeType: true,
          bytes: true,
          width: true,
          height: true,
        },
      },
    },
  },
} as const;

export async function listLibrary(
  actor: Actor,
  query: LibraryQuery,
  now = new Date(),
): Promise<LibraryPage> {
  const organisation = await libraryOrganisation(actor, query.organisation);
  const after = decodeCursor(query.cursor, Cursor);
  const rows = await db.message.findMany({
    where: {
      AND: [
        libraryMessages(actor, organisation),
        after
          ? {
              OR: [
                { approvedAt: { lt: new Date(after.approvedAt) } },
                { approvedAt: new Date(after.approvedAt), id: { lt: after.id } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ approvedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    select: {
      ...LIBRARY_MESSAGE_SELECT,
      shares: {
        where: { organisationId: organisation.id },
        orderBy: { createdAt: 'desc' },
        select: { platform: true, url: true, createdAt: true },
      },
    },
  });
  const page = toPage(rows, query.limit, (row) => ({
    approvedAt: (row.approvedAt ?? new Date(0)).toISOString(),
    id: row.id,
  }));
  const [signpost, held] = await Promise.all([
    currentSignpost(),
    quietReasons(
      organisation,
      page.items.map((row) => row.campaign),
      now,
    ),
  ]);
  const items = await Promise.all(
    page.items.map(async (row): Promise<LibraryItem> => {
      const heldReason = held.get(row.campaign.id) ?? null;
      const renders = await renderForOrganisation({
        message: row,
        title: row.title,
        campaignSlug: row.campaign.slug,
        organisation,
        signpost: toSignpost(signpost),
        images: row.media,
        heldReason,
      });
      const images = await Promise.all(
        row.media.map(async ({ altText, media }) => {
          const variants: LibraryItem['images'][number]['variants'] = {};
          for (const platform of PLATFORMS) {
            const variant = await imageCopy(media, platform);
            if (variant.fits) variants[platform] = mediaUrl(media.id, platform);
          }
          return {
            mediaId: media.id,
            altText,
            thumbnailUrl: mediaUrl(media.id, 'thumbnail'),
            variants,
          };
        }),
      );
      return {
        id: row.id,
        title: row.title,
        theme: row.theme,
        campaign: row.campaign,
        approvedAt: row.approvedAt?.toISOString() ?? null,
        heldReason,
        signpostVersion: signpost.version,
        renders: Object.fromEntries(
          Object.entries(renders).map(([platform, render]) => [
            platform,
            { text: render.text, valid: render.valid, problems: render.problems },
          ]),
        ) as LibraryItem['renders'],
        images,
        shares: row.shares.map((share) => ({
          platform: share.platform,
          url: share.url,
          createdAt: share.createdAt.toISOString(),
        })),
      };
    }),
  );
  return {
    items,
    nextCursor: page.nextCursor,
    organisation: { slug: organisation.slug, name: organisation.name, area: organisation.area },
  };
}
