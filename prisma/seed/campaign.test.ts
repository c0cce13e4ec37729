import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { textFor } from '../../lib/messages/compose-preview';
import { checkMessage } from '../../lib/messages/check-message';
import { MessageChange } from '../../lib/messages/message-schemas';
import { MAX_ALT_TEXT_LENGTH } from '../../lib/media/upload-limits';
import { PLATFORMS, type MediaFacts } from '../../lib/platforms/types';
import { DEFAULT_SIGNPOST } from '../../lib/signpost/default-signpost';
import { renderPost } from '../../lib/signpost/render-post';
import { ORGANISATIONS } from '../seed-data';
import { DEMO_CAMPAIGN, DEMO_MESSAGES } from './campaign';
import {
  CARD_SIDE_PX,
  campaignCard,
  campaignCardSvg,
  cardWords,
  wrapWords,
  type CardImage,
} from './campaign-card-image';

/** The card as the platform rules judge it: what the seed attaches, with its alt text. */
const cardFacts = ({ mimeType, bytes, width, height, altText }: CardImage): MediaFacts => ({
  mimeType,
  bytes: bytes.byteLength,
  width,
  height,
  altText,
});

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
    '"%s" renders valid on all eight platforms for every organisation, with its theme’s card',
    async (_title, message) => {
      const card = await campaignCard(message.theme);
      const media = [cardFacts(card)];
      for (const organisation of ORGANISATIONS) {
        for (const platform of PLATFORMS) {
          const post = renderPost(platform, {
            body: textFor({ body: message.body, overrides: message.overrides }, platform),
            organisation,
            campaignSlug: DEMO_CAMPAIGN.slug,
            signpost: DEFAULT_SIGNPOST,
            media,
          });
          expect(post.problems, `${platform} for ${organisation.slug}`).toEqual([]);
        }
      }
    },
  );

  it('passes the submit and approve check with its card, without a warning anywhere', async () => {
    for (const message of DEMO_MESSAGES) {
      const check = checkMessage(
        {
          body: message.body,
          overrides: message.overrides ?? {},
          media: [cardFacts(await campaignCard(message.theme))],
          campaignSlug: DEMO_CAMPAIGN.slug,
        },
        DEFAULT_SIGNPOST,
        ORGANISATIONS,
      );
      expect(check.problems, message.title).toEqual([]);
      expect(check.warnings, message.title).toEqual([]);
    }
  });
});

describe('the campaign cards', () => {
  it.each(DEMO_CAMPAIGN.themes)(
    'gives the %s theme a square PNG whose alt text says what it shows',
    async (theme) => {
      const card = await campaignCard(theme);
      const metadata = await sharp(card.bytes).metadata();
      expect(metadata).toMatchObject({ format: 'png', width: CARD_SIDE_PX, height: CARD_SIDE_PX });
      expect(card).toMatchObject({
        mimeType: 'image/png',
        width: CARD_SIDE_PX,
        height: CARD_SIDE_PX,
      });
      expect(card.altText).toContain(card.headline);
      expect(card.altText).toContain('Stop it Now! helpline 0808 1000 900');
      expect(card.altText).toMatch(/confidential and anonymous/);
      expect(card.altText.length).toBeLessThanOrEqual(MAX_ALT_TEXT_LENGTH);
    },
  );

  it('draws each theme once, and the same bytes every time, so re-seeding stores nothing new', async () => {
    const first = await campaignCard('help');
    expect(await campaignCard('help')).toBe(first);
    const redrawn = await sharp(Buffer.from(campaignCardSvg(first.headline)))
      .png({ compressionLevel: 9, palette: true })
      .toBuffer();
    expect(redrawn.equals(first.bytes)).toBe(true);
    const headlines = new Set(DEMO_CAMPAIGN.themes.map((theme) => cardWords(theme).headline));
    expect(headlines.size).toBe(DEMO_CAMPAIGN.themes.length);
  });

  it('writes the headline and the helpline as text in the card, escaped for SVG', () => {
    const svg = campaignCardSvg('Help & <support>');
    expect(svg).toContain('>Help &amp; &lt;support&gt;</text>');
    expect(svg).toContain('0808 1000 900');
    expect(svg).toContain('Stop it Now! helpline');
    expect(svg).toContain('Confidential and anonymous');
  });

  it('wraps the headline into lines that fit, a long word on its own line', () => {
    expect(wrapWords('Worried about your own or someone else’s online behaviour?', 18)).toEqual([
      'Worried about your',
      'own or someone',
      'else’s online',
      'behaviour?',
    ]);
    expect(wrapWords('a extraordinarily-long-word b', 5)).toEqual([
      'a',
      'extraordinarily-long-word',
      'b',
    ]);
    expect(wrapWords('  ', 10)).toEqual([]);
  });
});
