// Regressions found by the action fuzz suite (issue 8): server actions took their arguments
// unchecked, so an object id reached Prisma as a filter, a NUL reached PostgreSQL (in an id, or a
// token's label in its form), a form that was not a form reached a FormData method and a malformed Bearer token escaped act(): the action
// threw (Next answers that with a 500) or acted on a post nobody named. Now each is answered as
// the page expects, naming what is wrong.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { callAction } from '../support/fuzz/action-client';
import { discoverActions } from '../support/fuzz/actions';

const { baseUrl } = inject('e2e');
const actions = await discoverActions();
let cookie = '';

async function run(exportName: string, args: unknown[], headers: Record<string, string> = {}) {
  const action = actions.find((candidate) => candidate.exportName === exportName);
  if (!action?.id || !action.page) throw new Error(`${exportName} is not in the build`);
  const answer = await callAction({
    baseUrl,
    page: action.page,
    actionId: action.id,
    args,
    headers,
  });
  expect(answer.status).toBe(200);
  return answer.result;
}

beforeAll(async () => {
  const form = new FormData();
  form.set('email', 'viewer@nw-rocu.example');
  form.set('password', 'signpost-demo');
  const action = actions.find((candidate) => candidate.exportName === 'signIn');
  const answer = await callAction({
    baseUrl,
    page: action?.page ?? '/sign-in',
    actionId: action?.id ?? '',
    args: [{ error: null, email: '' }, form],
  });
  cookie = answer.setCookie.map((header) => header.split(';')[0]).join('; ');
});

describe('server action arguments', () => {
  // Prisma read an object id as a filter: { not: '' } matched the first post the person could see.
  it('an id that is not text (a Prisma filter) is refused, naming it, before any query', async () => {
    expect(await run('cancelPostAction', [{ not: '' }], { cookie })).toEqual({
      ok: false,
      code: 'validation_failed',
      error: 'postId: Invalid input: expected string, received object.',
      fields: { postId: 'Invalid input: expected string, received object.' },
    });
  });

  it('a NUL in an id is refused as the API refuses it', async () => {
    expect(await run('retryPostAction', ['post\u0000'], { cookie })).toMatchObject({
      ok: false,
      fields: { postId: 'Must not contain the NUL character (U+0000).' },
    });
  });

  it('a form action sent something other than a form answers its form state', async () => {
    expect(await run('createToken', [null, 'label=Reporting'], { cookie })).toEqual({
      error: 'Send the token form.',
      token: null,
      expiresAt: null,
    });
    expect(await run('signIn', [null, { email: 'a@b.example' }])).toEqual({
      error: 'Enter your email and password.',
      email: '',
    });
  });

  it('a NUL in a form field is refused before the form is read', async () => {
    const form = new FormData();
    form.set('label', 'Reporting\u0000script');
    expect(await run('createToken', [null, form], { cookie })).toEqual({
      error: 'Must not contain the NUL character (U+0000).',
      token: null,
      expiresAt: null,
    });
  });

  it('a malformed Authorization header is an unauthorized answer, not a crash', async () => {
    expect(
      await run('liftPauseAction', ['pause'], { authorization: 'Basic c2lnbnBvc3Q6eA==' }),
    ).toMatchObject({ ok: false, code: 'unauthorized' });
  });
});
