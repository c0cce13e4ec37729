import {
  Paper,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTfoot,
  TableTh,
  TableThead,
  TableTr,
  Text,
  Title,
} from '@mantine/core';
import { formatFigure } from '@/lib/reach/reach-format';
import type { ReachView } from '@/lib/reach/reach-query';

/** A message's reach across the organisations that published it (those the person may see). */
export function MessageReach({ view }: { view: ReachView }) {
  return (
    <Paper withBorder p="lg" data-testid="message-reach">
      <Title order={2} size="h4" mb={4}>
        Reach across organisations
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The latest figures of every published post of this message. “Not reported” means none of
        those posts’ platforms gives that figure.
      </Text>
      {view.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not published yet, so no figures.
        </Text>
      ) : (
        <TableScrollContainer minWidth={560}>
          <Table verticalSpacing={6}>
            <TableThead>
              <TableTr>
                <TableTh>Organisation</TableTh>
                <TableTh ta="right">Posts</TableTh>
                <TableTh ta="right">Views</TableTh>
                <TableTh ta="right">Engagements</TableTh>
                <TableTh ta="right">Link clicks</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {view.rows.map((row) => (
                <TableTr key={row.key}>
                  <TableTd>{row.label}</TableTd>
                  <TableTd ta="right">{row.posts}</TableTd>
                  <TableTd ta="right">{formatFigure(row.views)}</TableTd>
                  <TableTd ta="right">{formatFigure(row.engagements)}</TableTd>
                  <TableTd ta="right">{formatFigure(row.linkClicks)}</TableTd>
                </TableTr>
              ))}
            </TableTbody>
            <TableTfoot>
              <TableTr>
                <TableTh>All</TableTh>
                <TableTh ta="right">{view.totals.posts}</TableTh>
                <TableTh ta="right">{formatFigure(view.totals.views)}</TableTh>
                <TableTh ta="right">{formatFigure(view.totals.engagements)}</TableTh>
                <TableTh ta="right">{formatFigure(view.totals.linkClicks)}</TableTh>
              </TableTr>
            </TableTfoot>
          </Table>
        </TableScrollContainer>
      )}
    </Paper>
  );
}
