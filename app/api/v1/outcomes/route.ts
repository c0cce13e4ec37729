import {
  importOutcomesEndpoint,
  listOutcomesEndpoint,
  readOutcomeUpload,
} from '@/lib/api/endpoints/outcomes';
import { handle } from '@/lib/api/handle';
import { handleRaw } from '@/lib/api/handle-raw';
import { assertMayImportOutcomes, importOutcomes } from '@/lib/outcomes/import-outcomes';
import { listOutcomes } from '@/lib/outcomes/list-outcomes';

export const GET = handle(listOutcomesEndpoint, ({ query }) => listOutcomes(query));

export const POST = handleRaw(importOutcomesEndpoint, async ({ actor, request }) => {
  // Before the body is read: a comms officer's upload is refused without being received.
  assertMayImportOutcomes(actor);
  const imported = await importOutcomes(actor, await readOutcomeUpload(request));
  return Response.json(imported, { status: 201 });
});
