// The instance's description, GET /api/v2/instance (docs.joinmastodon.org/entities/Instance), as
// a Mastodon 4.5 server with default settings describes itself: what clients read to learn the
// character limit, how many images a post takes and which media types.
import type { SandboxState } from '../state';
import { account } from './mastodon-entities';

const BLURHASH = 'UeKUpFxuo~R%0nW;WCnhF6RjaJt757oJodS$';

export function mastodonInstance(origin: string, state: SandboxState) {
  const host = new URL(origin).host;
  const thumbnail = `${origin}/packs/media/images/preview.png`;
  return {
    domain: host,
    title: 'Signpost platform sandbox',
    version: '4.5.0',
    source_url: 'https://github.com/mastodon/mastodon',
    description: 'A stand-in Mastodon instance for Signpost’s development and tests.',
    usage: { users: { active_month: state.list({ platform: 'mastodon' }).length > 0 ? 1 : 0 } },
    thumbnail: {
      url: thumbnail,
      blurhash: BLURHASH,
      versions: { '@1x': thumbnail, '@2x': thumbnail },
      description: 'The sandbox’s preview image',
    },
    icon: [{ src: `${origin}/packs/media/icons/android-chrome-36x36.png`, size: '36x36' }],
    languages: ['en', 'cy'],
    configuration: {
      urls: { streaming: `ws://${host}`, status: null },
      vapid: { public_key: 'BNWatc0M0GRP2YM4n0XvBWdwn2Ss9hFXC2bsJ-3UHkCwEbAkpI6NNKuW8I1zzmY6j' },
      accounts: {
        max_featured_tags: 10,
        max_pinned_statuses: 5,
        max_display_name_length: 30,
        max_note_length: 500,
        max_avatar_description_length: 150,
        max_header_description_length: 150,
        max_profile_fields: 4,
        profile_field_name_limit: 255,
        profile_field_value_limit: 255,
      },
      statuses: { max_characters: 500, max_media_attachments: 4, characters_reserved_per_url: 23 },
      media_attachments: {
        supported_mime_types: [
          'image/jpeg',
          'image/png',
          'image/gif',
          'image/heic',
          'image/heif',
          'image/webp',
          'image/avif',
        ],
        description_limit: 1500,
        image_size_limit: 16_777_216,
        image_matrix_limit: 33_177_600,
        video_size_limit: 103_809_024,
        video_frame_rate_limit: 120,
        video_matrix_limit: 8_294_400,
      },
      polls: {
        max_options: 4,
        max_characters_per_option: 50,
        min_expiration: 300,
        max_expiration: 2_629_746,
      },
      translation: { enabled: false },
    },
    registrations: {
      enabled: false,
      approval_required: false,
      message: null,
      min_age: null,
      reason_required: null,
      url: null,
    },
    api_versions: { mastodon: 7 },
    contact: { email: 'sandbox@signpost.example', account: account('1', origin, state) },
    rules: [{ id: '1', text: 'Only Signpost’s own tests post here.', hint: '', translations: {} }],
  };
}
