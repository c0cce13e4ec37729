'use client';
// A secret shown once (an API token, a webhook's secret, a calendar feed's address, an invitation
// link): the value, unbroken by nothing but the screen's edge, and a button that copies it.
import { Button, Code, CopyButton, Group } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';

export function ShownOnceValue({
  value,
  testId,
  copyLabel = 'Copy',
}: {
  value: string;
  testId: string;
  copyLabel?: string;
}) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code style={{ wordBreak: 'break-all' }} data-testid={testId}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant="light"
            onClick={copy}
            leftSection={<IconCopy size={14} />}
            style={{ flexShrink: 0 }}
          >
            {copied ? 'Copied' : copyLabel}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
