// How fast the composer's live preview is: a realistic campaign message rendered and its signpost
// verified for every platform and every organisation of the campaign. Run: npx tsx bench/render.ts
//
// The body changes on every iteration, as it does while someone types, so no answer is reused
// from the previous keystroke.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { PLATFORMS, type MediaFacts } from '../lib/platforms/types';
import { DEFAULT_SIGNPOST } from '../lib/signpost/default-signpost';
import { renderPost } from '../lib/signpost/render-post';
import { verifySignpost } from '../lib/signpost/verify-signpost';
import { ORGANISATIONS } from '../prisma/seed-data';

const CAMPAIGN = 'stop-it-now-north-west';
const MESSAGE =
  'Every time an image of a child being abused is viewed, that child is harmed again. ' +
  '{organisation} is working with partners across {area} to protect children.';
const POSTER: MediaFacts = {
  mimeType: 'image/jpeg',
  bytes: 420_000,
  width: 1080,
  height: 1080,
  altText: 'Campaign poster: help is available to stop',
};
const KEYSTROKES = 5_000;
const THROUGHPUT_SECONDS = 5;

const TYPING = ' Help is there for anyone worried about their own thoughts or behaviour.';

/** The message as it stands after `n` keystrokes of typing one more sentence. */
function bodyAt(n: number): string {
  return MESSAGE + TYPING.slice(0, 1 + (n % TYPING.length));
}

function renderAndVerify(
  body: string,
  organisation: (typeof ORGANISATIONS)[number],
  platform: (typeof PLATFORMS)[number],
) {
  const post = renderPost(platform, {
    body,
    organisation,
    campaignSlug: CAMPAIGN,
    signpost: DEFAULT_SIGNPOST,
    media: [POSTER],
  });
  const context = { campaignSlug: CAMPAIGN, organisationSlug: organisation.slug };
  const verified = verifySignpost(post, platform, DEFAULT_SIGNPOST, context).ok;
  if (post.valid && verified) validRenders[platform]++;
  return post.valid && verified;
}

const validRenders = Object.fromEntries(PLATFORMS.map((platform) => [platform, 0])) as Record<
  (typeof PLATFORMS)[number],
  number
>;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const format = (value: number, digits = 0) =>
  value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

// Warm up the JIT and the cached segmenter and patterns before measuring.
for (let n = 0; n < 2_000; n++) {
  for (const platform of PLATFORMS) renderAndVerify(bodyAt(n), ORGANISATIONS[n % 10]!, platform);
}

for (const platform of PLATFORMS) validRenders[platform] = 0;

// One keystroke: the preview renders all eight platforms for the organisation being composed for.
const keystrokeMs: number[] = [];
for (let n = 0; n < KEYSTROKES; n++) {
  const organisation = ORGANISATIONS[n % ORGANISATIONS.length]!;
  const body = bodyAt(n);
  const start = performance.now();
  for (const platform of PLATFORMS) renderAndVerify(body, organisation, platform);
  keystrokeMs.push(performance.now() - start);
}
const validDuringTyping = PLATFORMS.map(
  (platform) => `${platform} ${Math.round((100 * validRenders[platform]) / KEYSTROKES)}%`,
).join(', ');
keystrokeMs.sort((a, b) => a - b);

// Throughput: every platform for every organisation, over and over.
let renders = 0;
let n = 0;
const until = performance.now() + THROUGHPUT_SECONDS * 1_000;
const started = performance.now();
while (performance.now() < until) {
  const body = bodyAt(n++);
  for (const organisation of ORGANISATIONS) {
    for (const platform of PLATFORMS) renderAndVerify(body, organisation, platform);
  }
  renders += ORGANISATIONS.length * PLATFORMS.length;
}
const seconds = (performance.now() - started) / 1_000;
const rendersPerSecond = renders / seconds;

const cpus = os.cpus();
console.log(
  `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, node ${process.version}`,
);
console.log(
  `message: ${bodyAt(0).length}-${bodyAt(TYPING.length - 1).length} characters with one image; ` +
    `${PLATFORMS.length} platforms x ${ORGANISATIONS.length} organisations`,
);
console.log(
  `renders (render + verify, one platform, one organisation) per second: ${format(rendersPerSecond)}`,
);
console.log(`all-8-platform previews per second: ${format(rendersPerSecond / PLATFORMS.length)}`);
console.log(
  `messages (all 8 platforms x all ${ORGANISATIONS.length} organisations) per second: ` +
    format(rendersPerSecond / (PLATFORMS.length * ORGANISATIONS.length)),
);
console.log(
  `one 8-platform preview (one keystroke), p50: ${format(percentile(keystrokeMs, 50), 3)} ms`,
);
console.log(
  `one 8-platform preview (one keystroke), p99: ${format(percentile(keystrokeMs, 99), 3)} ms`,
);
console.log(
  `one 8-platform preview (one keystroke), max: ${format(keystrokeMs.at(-1) ?? NaN, 3)} ms`,
);
console.log(`renders valid while typing, per platform: ${validDuringTyping}`);
