'use server';

import { z } from 'zod';
import { RemindRequest } from '@/lib/amplification/amplification-schemas';
import { remindPartner } from '@/lib/amplification/remind-partner';
import { auditActor } from '@/lib/auth/actor';
import { serverAction } from '../../action-result';

/** The amplification page's "Remind": the same as `POST /api/v1/amplification/remind`. */
export const remindPartnerAction = serverAction(
  z.tuple([RemindRequest]),
  async (actor, [request]) => remindPartner(actor, auditActor(actor), request, new Date()),
  ({ organisation }) =>
    `${organisation.name} is reminded: its people get a notification and an email.`,
);
