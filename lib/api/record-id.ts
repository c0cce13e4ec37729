// The id of a row in a path or a server action's argument, checked before it reaches a query:
// text of the length any of our ids has (cuids, media ids), as the API's path schemas take them.
import { z } from 'zod';

export const RecordId = z.string().min(1).max(100);

/** An organisation by its slug (`lancashire`), as the API's filters take it. */
export const OrganisationSlug = z.string().min(1).max(100);
