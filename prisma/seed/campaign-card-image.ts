// The demo campaign's card images, one per theme: a square card, deep blue, with the theme's
// headline and the helpline in large white text. Instagram publishes nothing without an image, so
// without these the demo's Instagram posts could never go out.
//
// Drawn as SVG and rasterised by sharp with the system's fonts: no external assets, and the same
// bytes every time on one machine, so the media pipeline (which keys images by SHA-256) stores each
// card once however often the demo is seeded.
import sharp from 'sharp';
import type { Theme } from '../generated/enums';

/** Square: every platform takes it, and Instagram's feed shows it uncropped. */
export const CARD_SIDE_PX = 1080;

export interface CardWords {
  /** The theme's line, large at the top of the card. */
  headline: string;
  /** What the card says, for people who cannot see it (the image's alt text). */
  altText: string;
}

const HELPLINE_LINES = ['Stop it Now! helpline', '0808 1000 900', 'Confidential and anonymous'];
const HELPLINE_WORDS = 'Stop it Now! helpline 0808 1000 900 — confidential and anonymous';

const HEADLINES: Record<Theme, string> = {
  awareness: 'Worried about your own or someone else’s online behaviour?',
  harm: 'The children in these images are real children.',
  enforcement: 'Police are acting. Online is not anonymous.',
  consequences: 'Think about who you could lose. It is not too late to stop.',
  help: 'Change is possible. Help to stop is there.',
};

export function cardWords(theme: Theme): CardWords {
  const headline = HEADLINES[theme];
  return {
    headline,
    altText: `Campaign card in white text on deep blue: “${headline}” ${HELPLINE_WORDS}.`,
  };
}

// Deep blue behind white is about 14:1, far past WCAG's 4.5:1 for any text size; the lighter
// band that holds the helpline keeps it above 10:1.
const BACKGROUND = '#0b2a5b';
const BAND = '#143f80';
const FONTS = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";
const MARGIN = 90;
const HEADLINE_SIZE = 72;
const HEADLINE_LINE = 92;
// Bold DejaVu Sans at 72 px averages about 45 px a character: 18 keep wide words ("someone
// else’s") inside the 900 px between the margins.
const HEADLINE_CHARACTERS = 18;
/** Where the helpline's band begins; the headline is centred in the space above it. */
const BAND_TOP = 650;

/** The card as an SVG document. Pure. */
export function campaignCardSvg(headline: string): string {
  const lines = wrapWords(headline, HEADLINE_CHARACTERS);
  // A line's glyphs sit about 0.75 of the font size above its baseline.
  const firstBaseline =
    (BAND_TOP - lines.length * HEADLINE_LINE) / 2 + HEADLINE_LINE / 2 + HEADLINE_SIZE * 0.375;
  const headlineText = lines
    .map((line, index) => text(line, firstBaseline + index * HEADLINE_LINE, HEADLINE_SIZE))
    .join('');
  const bandTop = BAND_TOP;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_SIDE_PX}" height="${CARD_SIDE_PX}" viewBox="0 0 ${CARD_SIDE_PX} ${CARD_SIDE_PX}">`,
    `<rect width="100%" height="100%" fill="${BACKGROUND}"/>`,
    headlineText,
    `<rect x="0" y="${bandTop}" width="${CARD_SIDE_PX}" height="${CARD_SIDE_PX - bandTop}" fill="${BAND}"/>`,
    text(HELPLINE_LINES[0] ?? '', bandTop + 110, 58),
    text(HELPLINE_LINES[1] ?? '', bandTop + 225, 104),
    text(HELPLINE_LINES[2] ?? '', bandTop + 320, 54),
    '</svg>',
  ].join('');
}

function text(content: string, baseline: number, size: number): string {
  return `<text x="${MARGIN}" y="${baseline}" font-family="${FONTS}" font-size="${size}" font-weight="bold" fill="#ffffff">${escapeXml(content)}</text>`;
}

/** The words in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(words: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function escapeXml(content: string): string {
  return content.replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

export interface CardImage extends CardWords {
  /** A PNG: flat colour and text compress far better than as JPEG, with no ringing round letters. */
  bytes: Buffer;
  mimeType: 'image/png';
  width: number;
  height: number;
}

// One rendering per theme per process: the integration tests seed a fresh database per file.
const rendered = new Map<Theme, Promise<CardImage>>();

/** The theme's card, drawn once per process. */
export function campaignCard(theme: Theme): Promise<CardImage> {
  let card = rendered.get(theme);
  if (!card) {
    card = drawCard(theme);
    rendered.set(theme, card);
    // A failed drawing is not kept: the next seed tries again.
    card.catch(() => rendered.delete(theme));
  }
  return card;
}

async function drawCard(theme: Theme): Promise<CardImage> {
  const words = cardWords(theme);
  const bytes = await sharp(Buffer.from(campaignCardSvg(words.headline)))
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
  return { ...words, bytes, mimeType: 'image/png', width: CARD_SIDE_PX, height: CARD_SIDE_PX };
}
