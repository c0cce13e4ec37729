'use client';

// One platform's card in the live preview: the exact text that would be published (links marked
// as the platform would show them), its length against the platform's limit, the signpost wording
// used and anything that would stop it, in plain words. Text is rendered as React text nodes, so
// "<script>" typed in a message shows as typed and never runs.
//
// The card is plain elements with a CSS module in Mantine's look: a keystroke re-renders every
// card (they all show the message), and Mantine's components cost far more per render than the
// element they draw. The parts that do not change as people type stay Mantine components, memoised.
import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import {
  type ComponentPropsWithRef,
  createContext,
  type CSSProperties,
  memo,
  type ReactNode,
  useContext,
  useMemo,
} from 'react';
import { platformRules } from '@/lib/platforms/rules';
import {
  PLATFORMS,
  type Platform,
  type RenderedLink,
  type RenderedPost,
} from '@/lib/platforms/types';
import { CardBadges, CardImages, CardProblems } from './preview-card-parts';
import type { PreviewImage } from './preview-media';
import { counterColour, PLATFORM_LOOK } from './platform-look';
import classes from './preview-card.module.css';

const count = new Intl.NumberFormat('en-GB');

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word))
    .slice(0, 2)
    .map((word) => word[0])
    .join('');
}

/** One line of the text, each link in it wrapped so it reads as a link (by the renderer's indexes). */
function lineWithLinks(
  text: string,
  start: number,
  end: number,
  links: RenderedLink[],
): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = start;
  for (const link of links) {
    const from = Math.max(link.start, at);
    const to = Math.min(link.end, end);
    if (to <= from) continue;
    parts.push(text.slice(at, from));
    parts.push(
      <span key={from} className={classes.link} data-link title={`Link to ${link.url}`}>
        {text.slice(from, to)}
      </span>,
    );
    at = to;
  }
  parts.push(text.slice(at, end));
  return parts;
}

/**
 * The text one block per line. A keystroke changes only the message's lines, and the browser then
 * lays out again only those, not the signpost's lines with their long links (a third of the
 * preview's layout on each keystroke). A final line break shows no empty line, as in one block.
 */
function textLines(post: RenderedPost): ReactNode[] {
  const links: RenderedLink[] = [];
  for (const link of [...post.links].sort((a, b) => a.start - b.start)) {
    if (link.start >= (links.at(-1)?.end ?? 0)) links.push(link);
  }
  const lines: ReactNode[] = [];
  let start = 0;
  while (start < post.text.length) {
    const newline = post.text.indexOf('\n', start);
    const end = newline === -1 ? post.text.length : newline;
    lines.push(
      <span key={lines.length} className={classes.line}>
        {lineWithLinks(post.text, start, end, links)}
      </span>,
    );
    start = end + 1;
  }
  return lines;
}

export interface PreviewCardProps {
  platform: Platform;
  post: RenderedPost;
  organisationName: string;
  usesOwnVersion: boolean;
  images?: readonly PreviewImage[];
}

// Each part is memoised on what it shows, so a keystroke re-renders only the parts it changed:
// usually the text and the counter.
const CardHeading = memo(function CardHeading({ platform }: { platform: Platform }) {
  return (
    <p className={classes.platform} id={`preview-${platform}-heading`}>
      {platformRules[platform].label}
    </p>
  );
});

// The count changes on every keystroke, its tooltip never: the badge reads the count from context,
// so the tooltip around it (floating-ui, comparatively costly) is not re-rendered as people type.
const CountContext = createContext({ length: 0, limit: 0 });

function CounterBadge(props: ComponentPropsWithRef<'span'>) {
  const { length, limit } = useContext(CountContext);
  return (
    <span
      {...props}
      className={classes.counter}
      data-colour={counterColour(length, limit)}
      tabIndex={0}
      data-testid="preview-counter"
      data-length={length}
      data-limit={limit}
      aria-label={`${count.format(length)} of ${count.format(limit)} characters`}
    >
      {`${count.format(length)} / ${count.format(limit)}`}
    </span>
  );
}

const Counter = memo(function Counter({ platform }: { platform: Platform }) {
  return (
    <Tooltip
      label={`Counted in ${platformRules[platform].countingNote}.`}
      withArrow
      multiline
      w={260}
    >
      <CounterBadge />
    </Tooltip>
  );
});

const CardAuthor = memo(function CardAuthor({ name }: { name: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Avatar size="sm" radius="xl" color="signpost">
        {initials(name)}
      </Avatar>
      <Text size="xs" fw={600} lineClamp={1}>
        {name}
      </Text>
    </Group>
  );
});

const PostText = memo(function PostText({ post }: { post: RenderedPost }) {
  return (
    <p className={classes.text} data-testid="preview-text">
      {textLines(post)}
    </p>
  );
});

const NO_IMAGES: readonly PreviewImage[] = [];

// Each platform's colours as CSS variables, one object per platform for the card's whole life.
function lookStyle(platform: Platform): CSSProperties {
  const look = PLATFORM_LOOK[platform];
  return {
    '--card-accent': look.accent,
    '--card-ink': look.ink,
    '--card-link': look.link,
  } as CSSProperties;
}
const LOOKS = Object.fromEntries(
  PLATFORMS.map((platform) => [platform, lookStyle(platform)]),
) as Record<Platform, CSSProperties>;

export const PreviewCard = memo(function PreviewCard({
  platform,
  post,
  organisationName,
  usesOwnVersion,
  images = NO_IMAGES,
}: PreviewCardProps) {
  const counted = useMemo(
    () => ({ length: post.length, limit: post.limit }),
    [post.length, post.limit],
  );
  return (
    <section
      className={classes.card}
      style={LOOKS[platform]}
      data-testid="preview-card"
      data-platform={platform}
      data-valid={post.valid}
      aria-labelledby={`preview-${platform}-heading`}
    >
      <div className={classes.head}>
        <CardHeading platform={platform} />
        <CountContext value={counted}>
          <Counter platform={platform} />
        </CountContext>
      </div>
      <div className={classes.body}>
        <CardAuthor name={organisationName} />
        <PostText post={post} />
        <CardImages platform={platform} images={images} />
        <CardBadges
          platform={platform}
          signpostForm={post.signpostForm}
          usesOwnVersion={usesOwnVersion}
        />
        <CardProblems platform={platform} problems={post.problems} />
      </div>
    </section>
  );
});
