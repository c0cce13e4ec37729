// Whether a message can go out, judged by rendering it exactly as it would be published: on every
// platform, for every organisation that might publish it (placeholders and tagged links make the
// length differ by organisation). Pure; submit and approve run it before they change anything.
//
// Problems stop submission and approval: an unknown placeholder, an override that does not fit
// its own platform, or a body that fits no platform at all. Warnings do not: a body too long for
// one platform (an override for that platform fixes it), or Instagram without an image — the
// message can still be published everywhere else.
import { PLATFORMS, type Platform, type Publisher, type Signpost } from '../platforms/types';
import { rulesFor } from '../platforms/rules';
import { composePreview, type MessageMediaFacts } from './compose-preview';
import type { MessageFinding, MessageOverrides } from './message-schemas';
import { unknownPlaceholderMessage } from './message-schemas';

export interface MessageUnderCheck {
  body: string;
  overrides: MessageOverrides;
  media: MessageMediaFacts;
  campaignSlug: string;
}

export interface MessageCheck {
  ok: boolean;
  problems: MessageFinding[];
  warnings: MessageFinding[];
}

interface Gathered extends MessageFinding {
  /** How far over the limit the worst organisation is, so its words are the ones shown. */
  weight: number;
}

export function checkMessage(
  message: MessageUnderCheck,
  signpost: Signpost,
  organisations: readonly Publisher[],
): MessageCheck {
  const problems = new Map<string, Gathered>();
  const warnings = new Map<string, Gathered>();

  for (const [field, text] of placeholderFields(message)) {
    const words = unknownPlaceholderMessage(text);
    if (words) {
      const finding = {
        field,
        platform: null,
        code: 'unknown_placeholder',
        organisations: [],
        weight: 0,
      };
      problems.set(field, { ...finding, message: `${describeField(field)} ${words}.` });
    }
  }

  // Platforms without an override on which the body fits for every organisation.
  const bodyFits = new Set<Platform>(PLATFORMS);
  for (const organisation of organisations) {
    const rendered = composePreview({ ...message, organisation, signpost });
    for (const platform of PLATFORMS) {
      const post = rendered[platform];
      const overridden = message.overrides[platform] !== undefined;
      for (const problem of post.problems) {
        // Placeholders are reported once per field above, not once per platform and organisation.
        if (problem.code === 'unknown_placeholder') continue;
        if (problem.code === 'too_long' && !overridden) bodyFits.delete(platform);
        const isProblem = problem.code === 'too_long' && overridden;
        const field = problem.code.startsWith('media_')
          ? 'media'
          : overridden
            ? `overrides.${platform}`
            : 'body';
        const advice = isProblem
          ? ` Shorten the ${rulesFor(platform).label} version.`
          : problem.code === 'too_long'
            ? ` Add a shorter ${rulesFor(platform).label} version to publish there.`
            : '';
        gather(isProblem ? problems : warnings, {
          field,
          platform,
          code: problem.code,
          message: `${asSentence(problem.message)}${advice}`,
          organisations: [organisation.slug],
          weight: post.length - post.limit,
        });
      }
    }
  }

  // The body is what goes out wherever there is no override: if it fits none of those platforms,
  // it would be published nowhere as written, and no single override mends that.
  const usesBody = PLATFORMS.filter((platform) => message.overrides[platform] === undefined);
  if (
    organisations.length > 0 &&
    usesBody.length > 0 &&
    usesBody.every((platform) => !bodyFits.has(platform))
  ) {
    problems.set('body:too_long_everywhere', {
      field: 'body',
      platform: null,
      code: 'too_long_everywhere',
      message:
        'The message is too long for every platform it would go out on, even with the short signpost. Shorten it.',
      organisations: organisations.map((organisation) => organisation.slug),
      weight: 0,
    });
  }

  const strip = ({ weight: _weight, ...finding }: Gathered): MessageFinding => finding;
  const found = {
    problems: [...problems.values()].map(strip),
    warnings: [...warnings.values()].map(strip),
  };
  return { ok: found.problems.length === 0, ...found };
}

/** The renderer's words end without a full stop; advice follows them as a new sentence. */
function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function placeholderFields(message: MessageUnderCheck): [string, string][] {
  return [
    ['body', message.body],
    ...PLATFORMS.flatMap((platform): [string, string][] => {
      const text = message.overrides[platform];
      return text === undefined ? [] : [[`overrides.${platform}`, text]];
    }),
  ];
}

function describeField(field: string): string {
  if (field === 'body') return 'The message';
  const platform = field.slice('overrides.'.length) as Platform;
  return `The ${rulesFor(platform).label} version`;
}

/** One finding per field, platform and code, listing every organisation it affects. */
function gather(findings: Map<string, Gathered>, finding: Gathered): void {
  const key = `${finding.field}:${finding.platform ?? ''}:${finding.code}`;
  const known = findings.get(key);
  if (!known) {
    findings.set(key, finding);
    return;
  }
  for (const slug of finding.organisations) {
    if (!known.organisations.includes(slug)) known.organisations.push(slug);
  }
  if (finding.weight > known.weight) {
    known.message = finding.message;
    known.weight = finding.weight;
  }
}
