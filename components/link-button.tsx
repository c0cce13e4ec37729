'use client';

import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core';
import Link from 'next/link';

/** A Mantine button that navigates with Next's Link; usable from server components. */
export function LinkButton({
  href,
  prefetch,
  ...props
}: ButtonProps & { href: string; children: React.ReactNode; prefetch?: boolean }) {
  return <Button component={Link} href={href} prefetch={prefetch} {...props} />;
}

/** A Mantine anchor that navigates with Next's Link; usable from server components. */
export function LinkAnchor({
  href,
  ...props
}: AnchorProps & { href: string; children: React.ReactNode }) {
  return <Anchor component={Link} href={href} {...props} />;
}
