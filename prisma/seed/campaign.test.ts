import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../lib/messages/check-message';
import { MessageChange } from '../../lib/messages/message-schemas';
import { PLATFORMS } from '../../lib/platforms/types';
import { DEFAULT_SIGNPOST } from '../../lib/signpost/default-signpost';
import { renderPost } from '../../lib/signpost/render-post';
import { ORGANISATIONS } from '../seed-data';
import { DEMO_CAMPAIGN, DEMO_MESSAGES } from './campaign';

const TEXT_ONLY = PLATFORMS.filter((platform) => platform !== 'instagram');

describe('the demo campaign’s messages', () => {
  it('has three or four approved messages for each of the campaign’s themes, one in review and one draft', () => {
    for (const theme of DEMO_CAMPAIGN.themes) {
      const approved = DEMO_MESSAGES.filter(
        (message) => message.theme === theme && message.status === 'approved',
      );
      expect(approved.length, theme).toBeGreaterThanOrEqual(3);
      expect(approved.length, theme).toBeLessThanOrEqual(4);
    }
    expect(DEMO_MESSAGES.filter((message) => message.status === 'in_review')).toHaveLength(1);
    expect(DEMO_MESSAGES.filter((message) => message.status === 'draft')).toHaveLength(1);
    expect(new Set(DEMO_MESSAGES.map((message) => message.title)).size).toBe(DEMO_MESSAGES.length);
  });

  it('are approved by someone other than their author', () => {
    for (const message of DEMO_MESSAGES.filter((candidate) => candidate.status === 'approved')) {
      expect(message.approver, message.title).toBeDefined();
      expect(message.approver, message.title).not.toBe(message.author);
    }
  });

  it.each(DEMO_MESSAGES.map((message) => [message.title, message] as const))(
    '"%s" is a message the API would accept',
    (_title, message) => {
      const parsed = MessageChange.safeParse({
        title: message.title,
        body: message.body,
        theme: message.theme,
        overrides: message.overrides ?? {},
      });
      expect(parsed.error?.issues ?? []).toEqual([]);
    },
  );

  it.each(DEMO_MESSAGES.map((message) => [message.title, message] as const))(
    '"%s" renders valid on every text platform for every organisation',
    (_title, message) => {
      for (const organisation of ORGANISATIONS) {
        for (const platform of TEXT_ONLY) {
          const post = renderPost(platform, {
            body: message.overrides?.[platform as 'bluesky'] ?? message.body,
            organisation,
            campaignSlug: DEMO_CAMPAIGN.slug,
            signpost: DEFAULT_SIGNPOST,
            media: [],
          });
          expect(post.problems, `${platform} for ${organisation.slug}`).toEqual([]);
        }
        // Instagram cannot publish a caption alone; the demo messages carry no image.
        const instagram = renderPost('instagram', {
          body: message.body,
          organisation,
          campaignSlug: DEMO_CAMPAIGN.slug,
          signpost: DEFAULT_SIGNPOST,
          media: [],
        });
        expect(instagram.problems.map((problem) => problem.code)).toEqual(['media_required']);
      }
    },
  );

  it('passes the submit and approve check, with only Instagram’s image warning', () => {
    for (const message of DEMO_MESSAGES) {
      const check = checkMessage(
        {
          body: message.body,
          overrides: message.overrides ?? {},
          media: [],
          campaignSlug: DEMO_CAMPAIGN.slug,
        },
        DEFAULT_SIGNPOST,
        ORGANISATIONS,
      );
      expect(check.problems, message.title).toEqual([]);
      expect(
        check.warnings.map((warning) => `${warning.platform}:${warning.code}`),
        message.title,
      ).toEqual(['instagram:media_required']);
    }
  });
});
