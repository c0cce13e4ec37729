// LinkedIn's Posts, Images and share statistics APIs (learn.microsoft.com/linkedin/marketing) and
// Nextdoor's Publish API (developer.nextdoor.com), which have no JavaScript SDK that runs on Node
// 20: requests as their documentation gives them, answers and refusals checked against the shapes
// it publishes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSandbox, type SandboxFixture } from '@/tests/support/sandbox-fixture';
import { sandboxToken } from '../credentials';

const ORG = 'urn:li:organization:4004';
const REST = { 'linkedin-version': '202610', 'x-restli-protocol-version': '2.0.0' };
const LinkedInError = z.object({
  status: z.number().int(),
  message: z.string().min(1),
  serviceErrorCode: z.number().int().optional(),
  code: z.string().optional(),
});
const Paging = z.object({
  start: z.number().int(),
  count: z.number().int(),
  links: z.array(z.unknown()),
});

let fixture: SandboxFixture;
beforeAll(async () => {
  fixture = await startSandbox();
});
afterAll(() => fixture.sandbox.close());
beforeEach(async () => {
  await fixture.control('DELETE', '/_sandbox/posts');
});

async function linkedin(
  method: string,
  path: string,
  body?: unknown,
  token = sandboxToken('linkedin', ORG),
) {
  const response = await fetch(`${fixture.connection('linkedin').baseUrl}${path}`, {
    method,
    headers: {
      ...REST,
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : null,
  };
}

const post = (author: string, commentary: string) => ({
  author,
  commentary,
  visibility: 'PUBLIC',
  distribution: {
    feedDistribution: 'MAIN_FEED',
    targetEntities: [],
    thirdPartyDistributionChannels: [],
  },
  lifecycleState: 'PUBLISHED',
  isReshareDisabledByAuthor: false,
});

describe('LinkedIn’s versioned REST API', () => {
  it('creates a post (its URN in x-restli-id), lists it by author and reports its statistics', async () => {
    const created = await linkedin('POST', '/rest/posts', post(ORG, 'Help is available'));
    expect(created.status).toBe(201);
    const urn = z
      .string()
      .regex(/^urn:li:share:\d+$/)
      .parse(created.headers.get('x-restli-id'));
    const listed = await linkedin(
      'GET',
      `/rest/posts?q=author&author=${encodeURIComponent(ORG)}&count=10`,
    );
    const Post = z
      .object({
        id: z.string(),
        author: z.string(),
        commentary: z.string(),
        lifecycleState: z.string(),
        createdAt: z.number().int(),
        publishedAt: z.number().int(),
      })
      .loose();
    expect(
      z
        .object({ elements: z.array(Post), paging: Paging })
        .parse(listed.body)
        .elements.map((p) => p.id),
    ).toEqual([urn]);
    const stats = await linkedin(
      'GET',
      `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${encodeURIComponent(ORG)}&shares=List(${encodeURIComponent(urn)})`,
    );
    const Totals = z.object({
      uniqueImpressionsCount: z.number().int(),
      impressionCount: z.number().int(),
      clickCount: z.number().int(),
      likeCount: z.number().int(),
      commentCount: z.number().int(),
      shareCount: z.number().int(),
      engagement: z.number(),
    });
    expect(
      z
        .object({
          elements: z.array(
            z.object({
              organizationalEntity: z.literal(ORG),
              share: z.literal(urn),
              totalShareStatistics: Totals,
            }),
          ),
          paging: Paging,
        })
        .parse(stats.body).elements,
    ).toHaveLength(1);
  });

  it('refuses an unknown token (401 INVALID_ACCESS_TOKEN), another organisation (403) and a missing scope', async () => {
    const unknown = await linkedin('POST', '/rest/posts', post(ORG, 'x'), 'AQV-not-issued');
    expect(unknown.status).toBe(401);
    expect(LinkedInError.parse(unknown.body)).toMatchObject({
      code: 'INVALID_ACCESS_TOKEN',
      serviceErrorCode: 65600,
    });
    const elsewhere = await linkedin('POST', '/rest/posts', post('urn:li:organization:9999', 'x'));
    expect(LinkedInError.parse(elsewhere.body)).toMatchObject({
      status: 403,
      code: 'ACCESS_DENIED',
    });
    const readOnly = sandboxToken('linkedin', ORG, { scopes: ['r_organization_social'] });
    expect((await linkedin('POST', '/rest/posts', post(ORG, 'x'), readOnly)).status).toBe(403);
    const unversioned = await fetch(
      `${fixture.connection('linkedin').baseUrl}/rest/posts?q=author&author=${encodeURIComponent(ORG)}`,
      {
        headers: { authorization: `Bearer ${sandboxToken('linkedin', ORG)}` },
      },
    );
    expect(LinkedInError.parse(await unversioned.json())).toMatchObject({
      status: 426,
      code: 'NONEXISTENT_VERSION',
    });
  });
});

describe('Nextdoor’s Publish API', () => {
  const publish = async (body: unknown, token = sandboxToken('nextdoor', '7007')) => {
    const response = await fetch(
      `${fixture.connection('nextdoor').baseUrl}/external/api/partner/v1/post/create/`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const OAuthError = z.object({ error: z.string(), error_description: z.string().min(1) });

  it('publishes and lists the agency’s posts with their reactions and comments', async () => {
    const created = await publish({
      body_text: 'Help is available',
      media_attachments: ['https://media.signpost.example/a.png'],
    });
    const { share_link: link } = z
      .object({ result: z.string(), share_link: z.url() })
      .parse(created.body);
    const response = await fetch(
      `${fixture.connection('nextdoor').baseUrl}/external/api/partner/v1/post/`,
      {
        headers: { authorization: `Bearer ${sandboxToken('nextdoor', '7007')}` },
      },
    );
    const Posted = z
      .object({
        id: z.union([z.string(), z.number()]),
        body: z.string(),
        url: z.url(),
        creation_date_epoch_seconds: z.number().int(),
        reactions: z.array(z.unknown()),
        comments: z.array(z.unknown()),
        media: z.array(z.object({ url: z.url() }).loose()),
      })
      .loose();
    const listed = z
      .object({ posts: z.array(Posted), posts_length: z.number().int() })
      .parse(await response.json());
    expect(listed.posts.map((p) => p.url)).toEqual([link]);
  });

  it('refuses an unknown token, a missing scope and a missing body_text in its OAuth-style errors', async () => {
    expect(await publish({ body_text: 'x' }, 'not-issued')).toMatchObject({
      status: 401,
      body: { error: 'unauthorized' },
    });
    const readOnly = sandboxToken('nextdoor', '7007', { scopes: ['post:read'] });
    expect((await publish({ body_text: 'x' }, readOnly)).status).toBe(403);
    const missing = await publish({});
    expect(missing.status).toBe(400);
    expect(OAuthError.parse(missing.body).error_description).toContain('body_text');
  });
});
