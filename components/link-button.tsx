'use client';

import { Button, type ButtonProps } from '@mantine/core';
import Link from 'next/link';

/** A Mantine button that navigates with Next's Link; usable from server components. */
export function LinkButton({
  href,
  ...props
}: ButtonProps & { href: string; children: React.ReactNode }) {
  return <Button component={Link} href={href} {...props} />;
}
