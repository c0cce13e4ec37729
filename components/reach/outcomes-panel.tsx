'use client';

// Help-seeking outcomes beside reach (issue 7, point 6): people contacting the helpline per area,
// one period against another, as a table (the figures themselves, for everyone and every screen
// reader) and a chart of the same. What lib decided travels with the figures: which are
// illustrative, whether the region's total is its own or the areas' sum, where they come from.
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useMounted } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { type ReactNode, useId, useState } from 'react';
import { formatNumber } from '@/components/format';
import type { AreaComparison, OutcomeComparison } from '@/lib/outcomes/compare-figures';
import { CAMPAIGN_COMPARISON, type Period, periodText } from '@/lib/outcomes/periods';
import { formatChange, periodLabel } from './outcome-words';
import { OutcomesUpload } from './outcomes-upload';
import { REGION } from '@/lib/outcomes/areas';

interface ReachFigures {
  posts: number;
  views: number | null;
  engagements: number | null;
}

export interface OutcomesPanelProps {
  comparison: OutcomeComparison;
  /** Whether the person may import figures (campaign leads): `can(actor, 'outcome.manage')`. */
  mayImport: boolean;
  /** The campaign's reach in the same areas and periods, when the Reach page has it. */
  reachByArea?: Record<string, { before: ReachFigures; during: ReachFigures }>;
}

function Figure({ value, missing = 'no figure' }: { value: number | null; missing?: string }) {
  return value === null ? (
    <Text span size="sm" c="gray.7">
      {missing}
    </Text>
  ) : (
    <>{formatNumber(value)}</>
  );
}

function Change({ value }: { value: number | null }) {
  const text = formatChange(value);
  if (text === null)
    return (
      <>
        <span aria-hidden>—</span>
        <VisuallyHidden>no change can be given</VisuallyHidden>
      </>
    );
  return <>{text}</>;
}

const Illustrative = () => (
  <Badge component="span" variant="outline" color="dark" size="sm" ml={6}>
    Illustrative
  </Badge>
);

function PeriodPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Period;
  onChange: (period: Period) => void;
}) {
  const [draft, setDraft] = useState<[string | null, string | null]>([value.from, value.to]);
  return (
    <DatePickerInput
      type="range"
      label={label}
      value={draft}
      onChange={([from, to]) => {
        setDraft([from, to]);
        // Only a whole range changes the comparison; the first click only starts one.
        if (from && to) onChange({ from, to });
      }}
      valueFormat="D MMM YYYY"
      allowSingleDateInRange
      w={260}
    />
  );
}

function reachCells(figures: ReachFigures | undefined, side: 'before' | 'during'): ReactNode[] {
  return [
    <Table.Td key={`${side}-posts`}>
      <Figure value={figures?.posts ?? null} missing="—" />
    </Table.Td>,
    <Table.Td key={`${side}-views`}>
      <Figure value={figures ? figures.views : null} missing="not reported" />
    </Table.Td>,
    <Table.Td key={`${side}-engagements`}>
      <Figure value={figures ? figures.engagements : null} missing="not reported" />
    </Table.Td>,
  ];
}

export function OutcomesPanel({ comparison, mayImport, reachByArea }: OutcomesPanelProps) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const headingId = useId();
  const chartCaptionId = useId();
  const { before, during, areas, total } = comparison;
  const withReach = reachByArea !== undefined;
  // Recharts 3 measures its container before it draws, so the server cannot draw it: the chart is
  // drawn in the browser only, in a box of its height, and the first render matches the server's.
  const mounted = useMounted();

  const choose = (changes: { before?: Period; during?: Period }) => {
    const params = new URLSearchParams(search);
    for (const [key, period] of Object.entries(changes)) params.set(key, periodText(period));
    router.replace(`${pathname}?${params.toString()}`, { scroll: false });
  };
  const onCampaignPeriods =
    periodText(before) === periodText(CAMPAIGN_COMPARISON.before) &&
    periodText(during) === periodText(CAMPAIGN_COMPARISON.during);
  const empty = areas.length === 0 && total.before === null && total.during === null;
  const anyIllustrative = total.illustrative || areas.some((row) => row.illustrative);

  const row = (label: ReactNode, figures: Omit<AreaComparison, 'area'>, area?: string) => (
    <>
      <Table.Td>
        <Figure value={figures.before} />
      </Table.Td>
      <Table.Td>
        <Figure value={figures.during} />
      </Table.Td>
      <Table.Td>
        <Change value={figures.change} />
        {figures.illustrative && <Illustrative />}
      </Table.Td>
      {withReach && [
        ...reachCells(area ? reachByArea[area]?.before : undefined, 'before'),
        ...reachCells(area ? reachByArea[area]?.during : undefined, 'during'),
      ]}
    </>
  );

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id={headingId}>
            Help-seeking outcomes
          </Title>
          <Text size="sm" c="gray.7" maw={760}>
            People contacting the Stop it Now! helpline, per area: what the campaign exists to move.
          </Text>
        </Stack>
        <Alert
          variant="light"
          color="blue"
          icon={<IconInfoCircle size={18} aria-hidden />}
          title="Correlation, not cause"
        >
          Reach and help-seeking side by side show correlation, not cause: more people contacting
          the helpline while the campaign ran does not by itself show that the campaign made them do
          so.
        </Alert>
        <Group align="flex-end" gap="md" wrap="wrap">
          <PeriodPicker
            key={`before-${periodText(before)}`}
            label="Before (UK dates)"
            value={before}
            onChange={(period) => choose({ before: period })}
          />
          <PeriodPicker
            key={`during-${periodText(during)}`}
            label="During (UK dates)"
            value={during}
            onChange={(period) => choose({ during: period })}
          />
          {!onCampaignPeriods && (
            <Button variant="subtle" onClick={() => choose(CAMPAIGN_COMPARISON)}>
              The campaign’s published comparison
            </Button>
          )}
        </Group>
        {empty ? (
          <Text size="sm" data-testid="outcomes-empty">
            No help-seeking figures cover these periods yet.{' '}
            {mayImport
              ? 'Add the charity’s figures with the upload below.'
              : 'A campaign lead adds them from the charity’s reports.'}
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={withReach ? 960 : 520}>
              <Table verticalSpacing="xs" striped data-testid="outcomes-table">
                <Table.Caption>
                  Contacts with the helpline, {periodLabel(before)} (before) against{' '}
                  {periodLabel(during)} (during)
                  {withReach ? ', beside the campaign’s reach in the same areas and periods' : ''}.
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Area</Table.Th>
                    <Table.Th scope="col">Contacts before</Table.Th>
                    <Table.Th scope="col">Contacts during</Table.Th>
                    <Table.Th scope="col">Change</Table.Th>
                    {withReach && (
                      <>
                        <Table.Th scope="col">Posts before</Table.Th>
                        <Table.Th scope="col">Views before</Table.Th>
                        <Table.Th scope="col">Engagements before</Table.Th>
                        <Table.Th scope="col">Posts during</Table.Th>
                        <Table.Th scope="col">Views during</Table.Th>
                        <Table.Th scope="col">Engagements during</Table.Th>
                      </>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {areas.map((area) => (
                    <Table.Tr key={area.area}>
                      <Table.Th scope="row" fw={400}>
                        {area.area}
                      </Table.Th>
                      {row(area.area, area, area.area)}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">
                      North West{total.basis === 'areas' ? ' (sum of the areas above)' : ''}
                    </Table.Th>
                    {row(REGION, total, REGION)}
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
            <figure style={{ margin: 0 }} aria-labelledby={chartCaptionId}>
              <Text component="figcaption" size="sm" fw={600} id={chartCaptionId} mb="xs">
                Contacts per area, before and during (the figures of the table above)
              </Text>
              {/* The table is the accessible form of these figures: the chart is for the eye. */}
              <div aria-hidden>
                {mounted ? (
                  <BarChart
                    h={260}
                    data={areas.map((area) => ({
                      area: area.area,
                      before: area.before ?? undefined,
                      during: area.during ?? undefined,
                    }))}
                    dataKey="area"
                    series={[
                      { name: 'before', label: 'Before', color: 'blue.8' },
                      { name: 'during', label: 'During', color: 'orange.9' },
                    ]}
                    valueFormatter={formatNumber}
                    withLegend
                    tickLine="y"
                    barChartProps={{ accessibilityLayer: false }}
                  />
                ) : (
                  <div style={{ height: 260 }} />
                )}
              </div>
            </figure>
            {anyIllustrative && (
              <Text size="sm" maw={760} data-testid="illustrative-note">
                <Badge component="span" variant="outline" color="dark" size="sm" mr={6}>
                  Illustrative
                </Badge>
                marks a change that counts a figure that was not published: a stand-in, shown until
                a campaign lead imports the charity’s figure for that area and period.
              </Text>
            )}
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {comparison.sources.length === 1 ? 'Source' : 'Sources'}
              </Text>
              <List size="sm">
                {comparison.sources.map((source) => (
                  <List.Item key={source}>{source}</List.Item>
                ))}
              </List>
            </Stack>
          </>
        )}
        {mayImport && <OutcomesUpload />}
      </Stack>
    </Paper>
  );
}
