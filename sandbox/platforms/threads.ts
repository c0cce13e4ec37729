// The Threads API (developers.facebook.com/docs/threads): POST /{threads-user-id}/threads
// (media_type TEXT, IMAGE or CAROUSEL), GET /{container-id}?fields=status, POST
// /{threads-user-id}/threads_publish, GET /{threads-user-id}/threads and GET /{media-id}/insights.
import { z } from 'zod';
import { overLimit, parseBody, Refusal } from '../routes';
import { graphFlag, metaError } from './meta-graph';
import { carouselChildren, containerPlatform } from './meta-containers';

const CreateThread = z.object({
  media_type: z.enum(['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL']),
  text: z.string().optional(),
  image_url: z.url().optional(),
  alt_text: z.string().optional(),
  link_attachment: z.url().optional(),
  is_carousel_item: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  children: z.union([z.string(), z.array(z.string())]).optional(),
});

export const threadsSandbox = containerPlatform({
  platform: 'threads',
  edge: 'threads',
  publishEdge: 'threads_publish',
  textField: 'text',
  statusField: 'status',
  readContainer(request, state) {
    const body = parseBody(request, CreateThread, { error: metaError });
    const text = body.text ?? '';
    const over = overLimit('threads', text);
    if (over)
      throw new Refusal(
        metaError(400, `Param text must be at most ${over.limit} characters long.`),
      );
    if (body.media_type === 'CAROUSEL') {
      const children = carouselChildren(
        body.children,
        'threads',
        request.params.userId ?? '',
        state,
      );
      return { text, media: [], children };
    }
    if (body.media_type === 'TEXT') {
      if (!text)
        throw new Refusal(metaError(400, 'The parameter text is required for TEXT posts.'));
      return { text, media: [], children: [] };
    }
    if (!body.image_url) throw new Refusal(metaError(400, 'The parameter image_url is required.'));
    const media = {
      altText: body.alt_text ?? null,
      url: body.image_url,
      mimeType: null,
      bytes: null,
    };
    return { text: graphFlag(body.is_carousel_item) ? '' : text, media: [media], children: [] };
  },
  retired: {
    metrics: [],
    why: (metric) => `The metric ${metric} is no longer supported`,
  },
  permissions: {
    publish: 'threads_content_publish',
    read: 'threads_basic',
    insights: 'threads_manage_insights',
  },
  permalink: (id, account) => `https://www.threads.net/@${account}/post/${Number(id).toString(36)}`,
});
