// Regressions found by the fuzz suites (issue 8): each input here once reached the database or
// a lib function unchecked and was answered with a 500. Now each is a 4xx naming what is wrong,
// and nothing is written.
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postBlackout } from '@/app/api/v1/blackouts/route';
import { GET as getMessage, PATCH as patchMessage } from '@/app/api/v1/messages/[id]/route';
import { POST as postMessage } from '@/app/api/v1/messages/route';
import { GET as listPosts } from '@/app/api/v1/posts/route';
import { POST as retryPost } from '@/app/api/v1/posts/[id]/retry/route';
import { db } from '@/lib/db';
import { call, forgetTokens, tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';
import { everyTableRowCount } from '../support/row-counts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

let lead = '';
let comms = '';
beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  lead = await tokenFor('lead@nw-rocu.example');
  comms = await tokenFor('comms@lancashire.example');
});

describe('text PostgreSQL cannot store (NUL) or that is not Unicode (a lone surrogate)', () => {
  it.each([
    ['a NUL in a path id', '\u0000'],
    ['a lone surrogate in a path id', 'x\ud800'],
  ])('%s is a 400 naming the id, not a 500', async (_case, id) => {
    for (const [handler, method] of [
      [getMessage, 'GET'],
      [retryPost, 'POST'],
    ] as const) {
      const response = await call<ErrorBody>(handler, '/x', {
        token: lead,
        method,
        params: { id },
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(Object.keys(response.body.error.fields ?? {})).toEqual(['id']);
    }
  });

  it('in a query string, is a 400 naming the parameter', async () => {
    const response = await call<ErrorBody>(listPosts, '/posts', {
      token: lead,
      query: { organisation: 'lancashire\u0000' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({
      organisation: 'must not contain the NUL character (U+0000)',
    });
  });

  it('in a body field, is a 400 naming the field, and nothing is written', async () => {
    const message = await db.message.findFirstOrThrow({ select: { id: true } });
    const before = await everyTableRowCount();
    const blackout = await call<ErrorBody>(postBlackout, '/blackouts', {
      token: lead,
      body: {
        organisation: 'lancashire\u0000',
        reason: 'Pre-election period',
        startsAt: '2030-05-01T00:00:00Z',
        endsAt: '2030-05-08T00:00:00Z',
      },
    });
    expect(blackout.status).toBe(400);
    expect(blackout.body.error.fields).toEqual({
      organisation: 'must not contain the NUL character (U+0000)',
    });
    const edit = await call<ErrorBody>(patchMessage, '/messages/x', {
      token: comms,
      method: 'PATCH',
      params: { id: message.id },
      body: { title: 'Help \udc00 is there' },
    });
    expect(edit.status).toBe(400);
    expect(edit.body.error.fields).toEqual({
      title: 'must be valid Unicode text (it has a lone surrogate)',
    });
    expect(await everyTableRowCount()).toEqual(before);
  });
});

describe('a value whose error message would be made from it', () => {
  it('an object with a toString that is not a function, as a theme, is a 400 naming the theme', async () => {
    const campaign = await db.campaign.findFirstOrThrow({ select: { id: true } });
    const before = await everyTableRowCount();
    const response = await call<ErrorBody>(postMessage, '/messages', {
      token: lead,
      body: {
        campaignId: campaign.id,
        title: 'Help',
        body: 'Help is there.',
        theme: { toString: 1 },
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({
      theme: 'must be one of awareness, harm, enforcement, consequences or help',
    });
    expect(await everyTableRowCount()).toEqual(before);
  });
});
