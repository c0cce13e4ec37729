// Which messages an organisation may publish from the library: approved messages of active
// campaigns and, for a partner, only the shareable ones (PARTNER_MESSAGES, the one statement of
// partners' rule). The share pack, the library and "I shared this" all ask this one question.
import type { Prisma } from '@/prisma/generated/client';
import { type Actor, PARTNER_MESSAGES } from '../auth/permissions';
import { readableMessages } from '../messages/message-access';
import type { LibraryOrganisation } from './library-organisation';

export function libraryMessages(
  actor: Actor,
  organisation: Pick<LibraryOrganisation, 'kind'>,
): Prisma.MessageWhereInput {
  return {
    AND: [
      { status: 'approved', campaign: { status: 'active' } },
      organisation.kind === 'partner' ? { ...PARTNER_MESSAGES } : {},
      // What the caller may read at all: a campaign lead asking for a partner sees what the
      // partner sees, a partner never more than partners may.
      readableMessages(actor),
    ],
  };
}
