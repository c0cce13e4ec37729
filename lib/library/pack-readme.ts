// The words of a share pack: its README (the helpline's details, and how to post each piece on
// each platform) and the alt-text file. Pure.
import { rulesFor } from '../platforms/rules';
import type { Platform, Signpost } from '../platforms/types';
import { SHARE_INTENTS } from './share-intents';

export interface PackedMessage {
  folder: string;
  title: string;
  /** The platforms with a text file, and the image files each has. */
  platforms: { platform: Platform; textFile: string; imageFiles: string[] }[];
  /** Platforms left out, with why (the text does not fit, no image copy fits). */
  leftOut: { platform: Platform; reason: string }[];
  images: { altText: string; number: number }[];
}

export interface PackWords {
  organisation: { name: string; area: string };
  signpost: Signpost;
  messages: PackedMessage[];
  madeAt: string;
}

function howToOpen(platform: Platform): string {
  const rule = SHARE_INTENTS[platform];
  if (rule.kind === 'prefilled') return `Open ${rule.base.replace(/\?.*$/, '')} or the app`;
  if (rule.kind === 'instance') return 'Open your Mastodon server (https://<your server>/share)';
  return `Open ${rule.url} or the app`;
}

export function packReadme(words: PackWords): string {
  const { signpost, organisation } = words;
  const lines = [
    `Share pack for ${organisation.name} (${organisation.area})`,
    '',
    `Made ${words.madeAt} with signpost version ${signpost.version}.`,
    '',
    'THE HELPLINE',
    `${signpost.helplineName}: ${signpost.phone} (confidential and anonymous)`,
    `Website: ${signpost.url}`,
    '',
    'Every text file already carries the helpline details and the campaign link for your',
    'organisation. Post the text exactly as it is: do not remove or shorten the helpline details',
    'or the link. A pack made later may carry newer helpline details: use the newest pack.',
    '',
  ];
  for (const message of words.messages) {
    lines.push(`MESSAGE: ${message.title}${message.folder ? ` (folder ${message.folder}/)` : ''}`);
    for (const { platform, textFile, imageFiles } of message.platforms) {
      const label = rulesFor(platform).label;
      const images =
        imageFiles.length > 0
          ? `, attach ${imageFiles.join(' and ')} and give each image its alt text from alt-text.txt`
          : '';
      lines.push(
        `- ${label}: ${howToOpen(platform)}, paste all of ${textFile}${images}, then post.`,
      );
    }
    for (const { platform, reason } of message.leftOut)
      lines.push(`- ${rulesFor(platform).label}: not in this pack. ${reason}`);
    lines.push('');
  }
  lines.push(
    'When you have posted, tell the campaign in Signpost ("I shared this") so it is counted.',
  );
  return lines.join('\n') + '\n';
}

export function altTextFile(message: PackedMessage): string {
  if (message.images.length === 0) return 'This message has no images.\n';
  return (
    message.images.map((image) => `Image ${image.number}: ${image.altText}`).join('\n\n') + '\n'
  );
}
