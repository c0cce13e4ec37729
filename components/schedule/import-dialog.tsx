'use client';

import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ImportPlan } from '@/lib/posts/import-posts';

type Problems = { message: string; fields: [string, string][] };
const SHOWN = 50;

/** Sends the file to the import, as a dry run or for real; the API decides everything. */
async function sendFile(file: File, dryRun: boolean) {
  const response = await fetch(`/api/v1/posts/import?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as
    | (ImportPlan & { posts: unknown })
    | { posts: unknown[] }
    | { error: { message: string; fields?: Record<string, string> } }
    | null;
  return { ok: response.ok, body };
}

/** "Import from CSV": the template, a file, a dry run that shows the plan or the problems, then the import. */
export function ImportDialog() {
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [problems, setProblems] = useState<Problems | null>(null);
  const [pending, startTransition] = useTransition();

  const reset = (next: File | null) => {
    setFile(next);
    setPlan(null);
    setProblems(null);
  };
  const close = () => {
    setOpened(false);
    reset(null);
  };
  const refusedWith = (body: Awaited<ReturnType<typeof sendFile>>['body']) => {
    const error = body && 'error' in body ? body.error : null;
    setProblems({
      message: error?.message ?? 'The file could not be checked. Try again.',
      fields: Object.entries(error?.fields ?? {}),
    });
  };

  const check = () =>
    startTransition(async () => {
      if (!file) return;
      setProblems(null);
      const { ok, body } = await sendFile(file, true);
      if (ok && body && 'plan' in body) setPlan(body);
      else refusedWith(body);
    });
  const schedule = () =>
    startTransition(async () => {
      if (!file) return;
      const { ok, body } = await sendFile(file, false);
      if (!ok) {
        setPlan(null);
        return refusedWith(body);
      }
      const count = body && 'posts' in body && Array.isArray(body.posts) ? body.posts.length : 0;
      notifications.show({
        color: 'green',
        message: `Scheduled ${count} post${count === 1 ? '' : 's'} from ${file.name}.`,
      });
      close();
      router.refresh();
    });

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileUpload size={16} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        Import from CSV
      </Button>
      <Modal opened={opened} onClose={close} title="Import posts from a CSV file" size="xl">
        <Stack>
          <Text size="sm">
            One post a row, with the columns <code>message,organisation,platform,date,time</code>{' '}
            (UK date and time; on the day the clocks go back write <code>01:30 BST</code> or{' '}
            <code>01:30 GMT</code>). Every row is checked as a schedule is, and nothing is scheduled
            unless every row is right.{' '}
            <Anchor href="/api/v1/posts/import/template.csv" download>
              Download the template
            </Anchor>
          </Text>
          <FileInput
            label="CSV file"
            accept=".csv,text/csv"
            placeholder="Choose a file"
            value={file}
            onChange={reset}
          />
          <div aria-live="polite">
            {problems && (
              <Alert color="red" title="Nothing was scheduled" role="alert">
                <Text size="sm">{problems.message.split(' (')[0]}</Text>
                {problems.fields.length > 0 && (
                  <List size="sm" mt="xs" spacing={2} data-testid="import-problems">
                    {problems.fields.slice(0, SHOWN).map(([key, problem]) => {
                      const [line, column] = key.split('.');
                      return (
                        <List.Item key={key}>
                          {column
                            ? `Line ${line}, ${column}: `
                            : /^\d+$/.test(key)
                              ? `Line ${key}: `
                              : 'The file '}
                          {problem}
                        </List.Item>
                      );
                    })}
                  </List>
                )}
              </Alert>
            )}
            {plan && (
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  The file is ready: {plan.posts} post{plan.posts === 1 ? '' : 's'}.
                </Text>
                <Table.ScrollContainer minWidth={560}>
                  <Table verticalSpacing={4} fz="sm" data-testid="import-plan">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Line</Table.Th>
                        <Table.Th>Message</Table.Th>
                        <Table.Th>Channel</Table.Th>
                        <Table.Th>UK time</Table.Th>
                        <Table.Th>Length</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {plan.plan.slice(0, SHOWN).map((post) => (
                        <Table.Tr key={`${post.line}-${post.channelId}`}>
                          <Table.Td>{post.line}</Table.Td>
                          <Table.Td>{post.messageTitle}</Table.Td>
                          <Table.Td>
                            {post.organisation.name} · {post.channelHandle}
                          </Table.Td>
                          <Table.Td>{post.ukTime}</Table.Td>
                          <Table.Td>
                            {post.length} / {post.limit}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {plan.plan.length > SHOWN && (
                  <Text size="sm" c="gray.7">
                    and {plan.plan.length - SHOWN} more.
                  </Text>
                )}
              </Stack>
            )}
          </div>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Close
            </Button>
            {plan ? (
              <Button onClick={schedule} loading={pending}>
                {`Schedule ${plan.posts} post${plan.posts === 1 ? '' : 's'}`}
              </Button>
            ) : (
              <Button onClick={check} loading={pending} disabled={!file}>
                Check the file
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
