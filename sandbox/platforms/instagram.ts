// Instagram content publishing (developers.facebook.com/docs/instagram-platform/content-publishing):
// POST /{ig-user-id}/media (image_url, caption, alt_text; carousels), GET /{container-id}
// ?fields=status_code, POST /{ig-user-id}/media_publish, GET /{ig-user-id}/media and
// GET /{ig-media-id}/insights with the metrics left after v22's removal of impressions.
import { z } from 'zod';
import { overLimit, parseBody, Refusal } from '../routes';
import { graphFlag, metaError } from './meta-graph';
import { carouselChildren, containerPlatform } from './meta-containers';

const CreateMedia = z.object({
  image_url: z.url().optional(),
  caption: z.string().optional(),
  alt_text: z.string().optional(),
  is_carousel_item: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  media_type: z.enum(['IMAGE', 'CAROUSEL', 'REELS', 'STORIES', 'VIDEO']).optional(),
  children: z.union([z.string(), z.array(z.string())]).optional(),
});

export const instagramSandbox = containerPlatform({
  platform: 'instagram',
  edge: 'media',
  publishEdge: 'media_publish',
  textField: 'caption',
  statusField: 'status_code',
  readContainer(request, state) {
    const body = parseBody(request, CreateMedia, { error: metaError });
    const caption = body.caption ?? '';
    const over = overLimit('instagram', caption);
    if (over) {
      throw new Refusal(
        metaError(
          400,
          `The caption is too long: ${over.length} characters, the limit is ${over.limit}.`,
        ),
      );
    }
    if (body.media_type === 'CAROUSEL') {
      const children = carouselChildren(
        body.children,
        'instagram',
        request.params.userId ?? '',
        state,
      );
      return { text: caption, media: [], children };
    }
    if (!body.image_url) throw new Refusal(metaError(400, 'The parameter image_url is required.'));
    const media = {
      altText: body.alt_text ?? null,
      url: body.image_url,
      mimeType: null,
      bytes: null,
    };
    return { text: graphFlag(body.is_carousel_item) ? '' : caption, media: [media], children: [] };
  },
  // Removed in April 2025 (views replaces both).
  retired: {
    metrics: ['impressions', 'plays', 'video_views'],
    why: (metric) =>
      `Starting from version v22.0 and above, the ${metric} metric is no longer supported for the queried media. Please refer to the documentation at https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights for a list of supported metrics.`,
  },
  permissions: {
    publish: 'instagram_content_publish',
    read: 'instagram_basic',
    insights: 'instagram_manage_insights',
  },
  permalink: (id) => `https://www.instagram.com/p/${Number(id).toString(36).toUpperCase()}/`,
});
