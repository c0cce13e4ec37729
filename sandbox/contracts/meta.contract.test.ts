// Facebook Pages, Instagram and Threads through the Graph API, with no SDK that runs on Node 20
// for all three: requests sent as Meta documents them (JSON, and the form encoding its own
// examples use), answers checked against the shapes Meta publishes
// (developers.facebook.com/docs/graph-api, /docs/instagram-platform, /docs/threads).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Platform } from '@/lib/platforms/types';
import { startSandbox, type SandboxFixture } from '@/tests/support/sandbox-fixture';
import { sandboxToken } from '../credentials';

const GraphError = z.object({
  error: z.object({
    message: z.string().min(1),
    type: z.string(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    fbtrace_id: z.string().min(1),
  }),
});
const Created = z.strictObject({ id: z.string().regex(/^\d+(_\d+)?$/) });
const GraphTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
const Paged = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), paging: z.object({}).loose() });
const Insight = z.object({
  name: z.string(),
  period: z.enum(['lifetime', 'day', 'week', 'days_28']),
  values: z.array(z.object({ value: z.number() })),
  title: z.string(),
  description: z.string(),
  id: z.string(),
});

let fixture: SandboxFixture;
beforeAll(async () => {
  fixture = await startSandbox();
});
afterAll(() => fixture.sandbox.close());
beforeEach(async () => {
  await fixture.control('DELETE', '/_sandbox/posts');
});

async function graph(
  platform: Platform,
  method: string,
  path: string,
  body?: URLSearchParams | object,
  token?: string,
) {
  const { baseUrl, externalAccountId } = fixture.connection(platform);
  const auth = token ?? sandboxToken(platform, externalAccountId);
  const response = await fetch(`${baseUrl}${path.replace('{me}', externalAccountId)}`, {
    method,
    headers: {
      authorization: `Bearer ${auth}`,
      ...(body && !(body instanceof URLSearchParams) ? { 'content-type': 'application/json' } : {}),
    },
    body:
      body instanceof URLSearchParams
        ? body
        : body === undefined
          ? undefined
          : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('the Facebook Pages API', () => {
  it('publishes to the Page from a form, as Meta’s examples post, and reads it back', async () => {
    const created = await graph(
      'facebook',
      'POST',
      '/{me}/feed',
      new URLSearchParams({ message: 'Help is available' }),
    );
    expect(created.status).toBe(200);
    const { id } = Created.parse(created.body);
    const listed = await graph(
      'facebook',
      'GET',
      '/{me}/posts?fields=id,message,created_time,permalink_url',
    );
    expect(
      Paged(
        z.object({
          id: z.string(),
          message: z.string(),
          created_time: GraphTime,
          permalink_url: z.url(),
        }),
      ).parse(listed.body).data[0]?.id,
    ).toBe(id);
    const post = await graph(
      'facebook',
      'GET',
      `/${id}?fields=shares,comments.limit(0).summary(true),reactions.limit(0).summary(true),insights.metric(post_media_view,post_clicks)`,
    );
    const Summary = z.object({
      data: z.array(z.unknown()),
      summary: z.object({ total_count: z.number().int() }).loose(),
    });
    expect(
      z
        .object({
          id: z.string(),
          comments: Summary,
          reactions: Summary,
          insights: z.object({ data: z.array(Insight) }),
        })
        .parse(post.body)
        .insights.data.map((m) => m.name),
    ).toEqual(['post_media_view', 'post_clicks']);
  });

  it('refuses as the Graph API refuses: no token #104, unknown #190, another Page’s token #200', async () => {
    const { baseUrl } = fixture.connection('facebook');
    const none = await fetch(`${baseUrl}/2002/feed`, {
      method: 'POST',
      body: new URLSearchParams({ message: 'x' }),
    });
    expect(GraphError.parse(await none.json()).error.code).toBe(104);
    const unknown = await graph(
      'facebook',
      'POST',
      '/{me}/feed',
      { message: 'x' },
      'EAAGm0PX4ZCpsBA',
    );
    expect(unknown.status).toBe(400);
    expect(GraphError.parse(unknown.body).error).toMatchObject({
      code: 190,
      type: 'OAuthException',
    });
    const otherPage = await graph(
      'facebook',
      'POST',
      '/{me}/feed',
      { message: 'x' },
      sandboxToken('facebook', '9999'),
    );
    expect(otherPage.status).toBe(403);
    expect(GraphError.parse(otherPage.body).error.code).toBe(200);
    const retired = await graph(
      'facebook',
      'GET',
      '/2002_1?fields=insights.metric(post_impressions)',
    );
    expect(GraphError.parse(retired.body).error.code).toBe(100);
  });
});

describe.each([
  {
    platform: 'instagram' as const,
    edge: 'media',
    publish: 'media_publish',
    text: 'caption',
    status: 'status_code',
    metric: 'views,reach,total_interactions',
  },
  {
    platform: 'threads' as const,
    edge: 'threads',
    publish: 'threads_publish',
    text: 'text',
    status: 'status',
    metric: 'views,likes,replies',
  },
])('$platform content publishing', ({ platform, edge, publish, text, status, metric }) => {
  it('creates a container, publishes it and reads the media and its insights back', async () => {
    const container = await graph(platform, 'POST', `/{me}/${edge}`, {
      ...(platform === 'threads' ? { media_type: 'IMAGE' } : {}),
      image_url: 'https://media.signpost.example/poster.png',
      alt_text: 'The helpline number',
      [text]: 'Help is available',
    });
    const { id: creationId } = Created.parse(container.body);
    const ready = await graph(platform, 'GET', `/${creationId}?fields=${status}`);
    expect(
      z
        .object({
          id: z.string(),
          [status]: z.enum(['FINISHED', 'IN_PROGRESS', 'PUBLISHED', 'ERROR', 'EXPIRED']),
        })
        .parse(ready.body),
    ).toMatchObject({ [status]: 'FINISHED' });
    const published = Created.parse(
      (
        await graph(
          platform,
          'POST',
          `/{me}/${publish}`,
          new URLSearchParams({ creation_id: creationId }),
        )
      ).body,
    );
    const listed = await graph(
      platform,
      'GET',
      `/{me}/${edge}?fields=id,${text},timestamp,permalink`,
    );
    expect(
      Paged(
        z.object({ id: z.string(), [text]: z.string(), timestamp: GraphTime, permalink: z.url() }),
      )
        .parse(listed.body)
        .data.map((m) => m.id),
    ).toEqual([published.id]);
    const insights = await graph(platform, 'GET', `/${published.id}/insights?metric=${metric}`);
    expect(
      z
        .object({ data: z.array(Insight) })
        .parse(insights.body)
        .data.map((m) => m.name),
    ).toEqual(metric.split(','));
  });

  it('refuses a container published twice and a token without the permission', async () => {
    const { id } = Created.parse(
      (
        await graph(platform, 'POST', `/{me}/${edge}`, {
          ...(platform === 'threads'
            ? { media_type: 'TEXT' }
            : { image_url: 'https://media.signpost.example/a.png' }),
          [text]: 'Once',
        })
      ).body,
    );
    await graph(platform, 'POST', `/{me}/${publish}`, { creation_id: id });
    const twice = await graph(platform, 'POST', `/{me}/${publish}`, { creation_id: id });
    expect(twice.status).toBe(400);
    GraphError.parse(twice.body);
    const readOnly = sandboxToken(platform, fixture.connection(platform).externalAccountId, {
      scopes: [],
    });
    const refused = await graph(
      platform,
      'POST',
      `/{me}/${edge}`,
      { [text]: 'No permission' },
      readOnly,
    );
    expect(refused.status).toBe(403);
    expect(GraphError.parse(refused.body).error.code).toBe(200);
  });
});
