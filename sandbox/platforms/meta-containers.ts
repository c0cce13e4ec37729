// Instagram and Threads publish the same way: create a media container, wait until its status is
// FINISHED, then publish it; carousels are a container of item containers. Each platform gives
// its own field names, validation and insights metrics.
import type { Platform } from '@/lib/platforms/types';
import { figuresOf, FIGURE_NAMES, reported } from '../metrics';
import {
  Refusal,
  tokenAccount,
  type SandboxPlatform,
  type SandboxRequest,
  type SandboxRoute,
} from '../routes';
import type { SandboxDraft, SandboxMedia, SandboxState } from '../state';
import {
  graphCaller,
  graphTime,
  insights,
  metaError,
  metaFault,
  metaNoSuchObject,
  refuseRetired,
  sinceParameter,
} from './meta-graph';

export interface ContainerPlatformOptions {
  platform: Platform;
  /** `media` (Instagram) or `threads`. */
  edge: string;
  publishEdge: string;
  /** `caption` (Instagram) or `text` (Threads). */
  textField: string;
  /** `status_code` (Instagram) or `status` (Threads). */
  statusField: string;
  /** Reads a container-creation request, refusing as the platform does. */
  readContainer(
    request: SandboxRequest,
    state: SandboxState,
  ): Omit<SandboxDraft, 'platform' | 'account' | 'published'>;
  /** Metrics the platform retired: asking for one fails the request with #100, in these words. */
  retired: { metrics: string[]; why: (metric: string) => string };
  permalink(id: string, account: string): string;
  /** The permissions a token needs to publish, to read, and to read insights. */
  permissions: { publish: string; read: string; insights: string };
}

export function containerPlatform(options: ContainerPlatformOptions): SandboxPlatform {
  const { platform, textField, permissions } = options;
  const caller = (
    request: SandboxRequest,
    state: SandboxState,
    permission: string,
    owner?: string,
  ) =>
    graphCaller(request, state, platform, {
      permission,
      ...(owner === undefined ? {} : { owner }),
    });
  const sandbox: SandboxPlatform = {
    platform,
    error: metaError,
    fault: (kind, retryAfterSeconds) => metaFault(kind, retryAfterSeconds, 'app'),
    routes: [createContainer(), publishContainer(), readObject(), listPosts(), readInsights()],
    adopt: (post, state) => ({
      platform,
      account: post.account,
      id: post.id ?? state.nextId(),
      text: post.text,
      media: [],
      receivedAt: post.receivedAt,
      extra: {},
    }),
  };
  // The metrics the insights edge offers: those the sandbox reports figures under.
  const offered = FIGURE_NAMES[platform];
  return sandbox;

  function createContainer(): SandboxRoute {
    return {
      method: 'POST',
      path: `/:userId/${options.edge}`,
      handle(request, state) {
        caller(request, state, permissions.publish, request.params.userId ?? '');
        const container = options.readContainer(request, state);
        const id = state.nextId();
        const account = request.params.userId ?? '';
        state.drafts.set(`${platform}:${id}`, {
          platform,
          account,
          published: false,
          ...container,
        });
        return { status: 200, body: { id } };
      },
    };
  }

  function publishContainer(): SandboxRoute {
    return {
      method: 'POST',
      path: `/:userId/${options.publishEdge}`,
      publishes: (request) => request.params.userId ?? '',
      handle(request, state) {
        caller(request, state, permissions.publish, request.params.userId ?? '');
        const body = request.body();
        const creationId =
          typeof body === 'object' && body !== null && 'creation_id' in body
            ? String(body.creation_id)
            : '';
        const container = state.drafts.get(`${platform}:${creationId}`);
        if (!container || container.account !== request.params.userId) {
          throw new Refusal(
            metaError(400, `Media ID ${creationId || '(missing creation_id)'} is not available`),
          );
        }
        if (container.published)
          throw new Refusal(metaError(400, 'The media has already been published'));
        container.published = true;
        const media: SandboxMedia[] = container.children.length
          ? container.children.flatMap(
              (child) => state.drafts.get(`${platform}:${child}`)?.media ?? [],
            )
          : container.media;
        const post = state.record({
          platform,
          account: container.account,
          id: state.nextId(),
          text: container.text,
          media,
          receivedAt: state.now(),
          extra: { containerId: creationId },
        });
        return { status: 200, body: { id: post.id } };
      },
    };
  }

  /** A container's status, or a published post's permalink. */
  function readObject(): SandboxRoute {
    return {
      method: 'GET',
      path: '/:id',
      handle(request, state) {
        caller(request, state, permissions.read);
        const id = request.params.id ?? '';
        const container = state.drafts.get(`${platform}:${id}`);
        if (container) {
          return {
            status: 200,
            body: { id, [options.statusField]: container.published ? 'PUBLISHED' : 'FINISHED' },
          };
        }
        const post = state.find(platform, id);
        if (!post) throw metaNoSuchObject(id);
        return { status: 200, body: { id, permalink: options.permalink(id, post.account) } };
      },
    };
  }

  function listPosts(): SandboxRoute {
    return {
      method: 'GET',
      path: `/:userId/${options.edge}`,
      handle(request, state) {
        caller(request, state, permissions.read, request.params.userId ?? '');
        const since = sinceParameter(request.query.get('since'));
        const limit = Math.min(100, Number(request.query.get('limit') ?? 25) || 25);
        const data = state
          .recent(platform, request.params.userId ?? '', limit)
          .filter((post) => since === null || post.receivedAt.getTime() >= since)
          .map((post) => ({
            id: post.id,
            [textField]: post.text,
            timestamp: graphTime(post.receivedAt),
            permalink: options.permalink(post.id, post.account),
          }));
        return { status: 200, body: { data, paging: {} } };
      },
    };
  }

  function readInsights(): SandboxRoute {
    return {
      method: 'GET',
      path: '/:mediaId/insights',
      readsMetrics: (request) => tokenAccount(request, platform),
      handle(request, state) {
        caller(request, state, permissions.insights);
        const post = state.find(platform, request.params.mediaId ?? '');
        if (!post) throw metaNoSuchObject(request.params.mediaId ?? '');
        const wanted = (request.query.get('metric') ?? '').split(',').filter(Boolean);
        if (wanted.length === 0)
          throw new Refusal(metaError(400, 'The parameter metric is required'));
        refuseRetired(wanted, options.retired.metrics, state, options.retired.why);
        const unknown = wanted.findIndex((metric) => !offered.includes(metric));
        if (unknown >= 0)
          throw new Refusal(
            metaError(
              400,
              `metric[${unknown}] must be one of the following values: ${offered.join(', ')}`,
            ),
          );
        // A figure the platform has none of for this media comes back empty: left out.
        const values = reported(figuresOf(post, state), wanted);
        return { status: 200, body: insights(post.id, values) };
      },
    };
  }
}

/** Carousel item ids: a comma-separated list of the caller's own unpublished containers. */
export function carouselChildren(
  value: unknown,
  platform: Platform,
  account: string,
  state: SandboxState,
): string[] {
  const ids =
    typeof value === 'string'
      ? value.split(',').filter(Boolean)
      : Array.isArray(value)
        ? value.map(String)
        : [];
  if (ids.length < 2 || ids.length > 20)
    throw new Refusal(metaError(400, 'A carousel needs between 2 and 20 children'));
  for (const id of ids) {
    const child = state.drafts.get(`${platform}:${id}`);
    if (!child || child.account !== account)
      throw new Refusal(metaError(400, `Invalid child ${id}`));
  }
  return ids;
}
