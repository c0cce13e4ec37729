'use client';

// Campaign leads add the charity's help-seeking figures from a CSV file. The server checks every
// row and imports all or nothing; each bad row is listed here by the row and line people see in
// their spreadsheet, so the whole file can be fixed at once.
import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { importOutcomesAction } from '@/app/(app)/reach/actions';
import { MAX_CSV_CHARACTERS } from '@/lib/outcomes/check-figures';
import { problemLabel } from './outcome-words';

interface Refusal {
  error: string;
  problems: { where: string; problem: string }[];
}

export function OutcomesUpload() {
  const router = useRouter();
  const headingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const [sourceError, setSourceError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = () =>
    startTransition(async () => {
      setRefusal(null);
      setSourceError(null);
      if (!file) return setRefusal({ error: 'Choose the CSV file to import.', problems: [] });
      const csv = await file.text();
      if (csv.length > MAX_CSV_CHARACTERS) {
        return setRefusal({
          error: 'The file is larger than 512 KB: split it, or send it through the API.',
          problems: [],
        });
      }
      const result = await importOutcomesAction({ source, csv });
      if (result.ok) {
        notifications.show({ color: 'green', message: result.message });
        setFile(null);
        router.refresh();
        return;
      }
      const { source: sourceProblem, ...rest } = result.fields ?? {};
      setSourceError(sourceProblem ?? null);
      const problems = Object.entries(rest).map(([where, problem]) => ({
        where: problemLabel(where),
        problem,
      }));
      setRefusal({
        error:
          problems.length > 0
            ? `Nothing was imported. ${problems.length === 1 ? 'One row needs' : `${problems.length} problems need`} fixing in the file:`
            : sourceProblem
              ? 'Nothing was imported: say where the figures come from.'
              : result.error,
        problems,
      });
    });

  return (
    <Stack
      gap="sm"
      component="form"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Title order={3} size="h4" id={headingId}>
        Add help-seeking figures
      </Title>
      <Text size="sm" c="gray.7" maw={720}>
        A CSV file with the columns <code>area,periodStart,periodEnd,contacts</code>: dates as
        YYYY-MM-DD, contacts a whole number, the area a force’s area or “North West” for the region.
        A figure for the same area and period replaces the one shown; nothing is imported unless
        every row is right.
      </Text>
      <Group grow align="flex-start">
        <FileInput
          label="CSV file"
          placeholder="Choose a file"
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          clearable
          leftSection={<IconFileUpload size={16} aria-hidden />}
          required
        />
        <TextInput
          label="Source"
          description="Where the figures come from"
          placeholder="Stop it Now! quarterly report, Q1 2019"
          value={source}
          onChange={(event) => setSource(event.currentTarget.value)}
          error={sourceError}
          maxLength={300}
          required
        />
      </Group>
      {refusal && (
        <Alert color="red" role="alert" title="The figures were not imported">
          <Text size="sm">{refusal.error}</Text>
          {refusal.problems.length > 0 && (
            <List size="sm" mt="xs" data-testid="outcome-problems">
              {refusal.problems.map(({ where, problem }) => (
                <List.Item key={where}>
                  <strong>{where}</strong>: {problem}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Group>
        <Button
          type="submit"
          loading={pending}
          leftSection={<IconFileUpload size={16} aria-hidden />}
        >
          Import figures
        </Button>
      </Group>
    </Stack>
  );
}
