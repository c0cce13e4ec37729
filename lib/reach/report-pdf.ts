// The campaign report as PDF, for the charity and chief officers: the period, the headline
// figures, charts by week and by organisation, the per-force and per-platform tables, and the
// help-seeking comparison. Drawn with PDFKit (well kept, pure JavaScript, no browser in the web
// process); built-in Helvetica, so nothing is read from disk but PDFKit's own font metrics.
import PDFDocument from 'pdfkit';
import type { ReachRow, ReachTotals } from './reach-query';
import { changeOf, describeChange, formatFigure, formatFraction } from './reach-format';

export interface OutcomeLine {
  area: string;
  before: number | null;
  during: number | null;
  /** A fraction: 1.03 is +103 %. */
  change: number | null;
  illustrative: boolean;
}

export interface CampaignReport {
  campaignName: string;
  /** "3 Nov 2026 to 30 Nov 2026" */
  periodLabel: string;
  /** The previous period of the same length, for the headline changes. */
  previousLabel: string;
  madeAt: string;
  totals: ReachTotals;
  previous: ReachTotals;
  byOrganisation: ReachRow[];
  byPlatform: ReachRow[];
  byWeek: ReachRow[];
  outcomes: {
    beforeLabel: string;
    duringLabel: string;
    areas: OutcomeLine[];
    total: OutcomeLine | null;
    source: string | null;
  } | null;
}

const INK = '#1a1b1e';
const MUTED = '#495057';
const ACCENT = '#1c5fa8';
const RULE = '#ced4da';
const PAGE = { margin: 48, width: 595.28, height: 841.89 };
const CONTENT_WIDTH = PAGE.width - PAGE.margin * 2;

const whole = new Intl.NumberFormat('en-GB');

const changeLine = (now: number | null, before: number | null) => {
  const text = describeChange(changeOf(now, before));
  return text ? `${text} on the previous period` : '';
};

const formatOutcomeChange = (change: number | null) =>
  change === null ? '—' : formatFraction(change);

export async function renderCampaignReport(report: CampaignReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: {
      Title: `${report.campaignName}: reach and help-seeking report`,
      Author: 'Signpost',
      Subject: report.periodLabel,
    },
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(report.campaignName);
  doc.font('Helvetica').fontSize(12).fillColor(MUTED).text('Reach and help-seeking report');
  doc.moveDown(0.3).fontSize(10).text(`Period: ${report.periodLabel}. Made ${report.madeAt}.`);
  doc.moveDown(1);

  tiles(doc, report);
  doc.moveDown(1);

  section(doc, 'Views by week');
  barChart(
    doc,
    report.byWeek.map((row) => ({ label: row.label.replace('w/c ', ''), value: row.views })),
  );

  section(doc, 'Views by organisation');
  barChart(
    doc,
    report.byOrganisation.map((row) => ({ label: row.label, value: row.views })),
    { horizontal: true },
  );

  section(doc, 'Per force and organisation');
  table(doc, report.byOrganisation);

  section(doc, 'Per platform');
  table(doc, report.byPlatform);
  note(
    doc,
    'Figures are the latest the platforms report for each post. "Not reported" means the platform does not give that figure (Bluesky, Mastodon and Nextdoor report no views); it is never counted as zero. Views on different platforms are counted differently, so the totals name the platforms they cover.',
  );

  if (report.outcomes) outcomes(doc, report.outcomes);

  note(
    doc,
    'Link clicks come only from the platforms’ own aggregate figures. Signpost never routes the helpline link through itself and never records who clicked.',
  );
  doc.end();
  return done;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > PAGE.height - PAGE.margin) doc.addPage();
}

function section(doc: PDFKit.PDFDocument, title: string) {
  ensureRoom(doc, 120);
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(13).fillColor(INK).text(title, PAGE.margin);
  doc.moveDown(0.4);
}

function note(doc: PDFKit.PDFDocument, text: string) {
  ensureRoom(doc, 40);
  doc.moveDown(0.6);
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
}

function tiles(doc: PDFKit.PDFDocument, report: CampaignReport) {
  const items = [
    { label: 'Posts published', value: report.totals.posts, before: report.previous.posts },
    { label: 'Views', value: report.totals.views, before: report.previous.views },
    { label: 'Engagements', value: report.totals.engagements, before: report.previous.engagements },
    { label: 'Link clicks', value: report.totals.linkClicks, before: report.previous.linkClicks },
  ];
  const gap = 10;
  const width = (CONTENT_WIDTH - gap * (items.length - 1)) / items.length;
  const top = doc.y;
  items.forEach((item, index) => {
    const x = PAGE.margin + index * (width + gap);
    doc.roundedRect(x, top, width, 68, 4).lineWidth(0.8).strokeColor(RULE).stroke();
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(item.label, x + 8, top + 8, { width: width - 16 });
    doc
      .font('Helvetica-Bold')
      .fontSize(16)
      .fillColor(INK)
      .text(formatFigure(item.value), x + 8, top + 22, { width: width - 16 });
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(changeLine(item.value, item.before), x + 8, top + 44, { width: width - 16 });
  });
  doc.y = top + 76;
  doc.x = PAGE.margin;
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(
      `Changes compare with ${report.previousLabel}, the period of the same length before.`,
      PAGE.margin,
    );
}

function barChart(
  doc: PDFKit.PDFDocument,
  bars: { label: string; value: number | null }[],
  options: { horizontal?: boolean } = {},
) {
  if (bars.length === 0) {
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(MUTED)
      .text('Nothing was published in this period.');
    return;
  }
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  if (options.horizontal) {
    const labelWidth = 170;
    const barWidth = CONTENT_WIDTH - labelWidth - 70;
    for (const bar of bars) {
      ensureRoom(doc, 18);
      const y = doc.y;
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor(INK)
        .text(bar.label, PAGE.margin, y + 2, {
          width: labelWidth - 8,
          lineBreak: false,
          ellipsis: true,
        });
      const length = ((bar.value ?? 0) / max) * barWidth;
      doc.rect(PAGE.margin + labelWidth, y, Math.max(length, 0.5), 12).fill(ACCENT);
      doc
        .font('Helvetica')
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(formatFigure(bar.value), PAGE.margin + labelWidth + length + 6, y + 2, {
          lineBreak: false,
        });
      doc.y = y + 17;
    }
    doc.x = PAGE.margin;
    return;
  }
  const height = 110;
  ensureRoom(doc, height + 30);
  const top = doc.y;
  const slot = CONTENT_WIDTH / bars.length;
  const width = Math.min(36, slot * 0.7);
  bars.forEach((bar, index) => {
    const barHeight = ((bar.value ?? 0) / max) * height;
    const x = PAGE.margin + index * slot + (slot - width) / 2;
    doc.rect(x, top + height - barHeight, width, Math.max(barHeight, 0.5)).fill(ACCENT);
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(bar.label, PAGE.margin + index * slot, top + height + 4, {
        width: slot,
        align: 'center',
        lineBreak: false,
      });
  });
  doc
    .moveTo(PAGE.margin, top + height)
    .lineTo(PAGE.margin + CONTENT_WIDTH, top + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.y = top + height + 18;
  doc.x = PAGE.margin;
}

const COLUMNS: { title: string; width: number; value: (row: ReachRow) => string }[] = [
  { title: '', width: 175, value: (row) => row.label },
  { title: 'Posts', width: 50, value: (row) => whole.format(row.posts) },
  { title: 'Views', width: 75, value: (row) => formatFigure(row.views) },
  { title: 'Engagements', width: 75, value: (row) => formatFigure(row.engagements) },
  { title: 'Shares', width: 55, value: (row) => formatFigure(row.shares) },
  { title: 'Link clicks', width: 69, value: (row) => formatFigure(row.linkClicks) },
];

function table(doc: PDFKit.PDFDocument, rows: ReachRow[]) {
  if (rows.length === 0) {
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(MUTED)
      .text('Nothing was published in this period.');
    return;
  }
  const line = (cells: string[], bold: boolean) => {
    ensureRoom(doc, 16);
    const y = doc.y;
    let x = PAGE.margin;
    cells.forEach((cell, index) => {
      const column = COLUMNS[index]!;
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(9)
        .fillColor(INK)
        .text(cell, x, y, {
          width: column.width - 6,
          align: index === 0 ? 'left' : 'right',
          lineBreak: false,
          ellipsis: true,
        });
      x += column.width;
    });
    doc.y = y + 14;
    doc
      .moveTo(PAGE.margin, doc.y - 2)
      .lineTo(PAGE.margin + CONTENT_WIDTH, doc.y - 2)
      .lineWidth(0.3)
      .strokeColor(RULE)
      .stroke();
  };
  line(
    COLUMNS.map((column) => column.title),
    true,
  );
  for (const row of rows)
    line(
      COLUMNS.map((column) => column.value(row)),
      false,
    );
  doc.x = PAGE.margin;
}

function outcomes(doc: PDFKit.PDFDocument, data: NonNullable<CampaignReport['outcomes']>) {
  section(doc, 'Help-seeking: people contacting Stop it Now!');
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(`${data.beforeLabel} compared with ${data.duringLabel}.`, PAGE.margin);
  doc.moveDown(0.4);
  const widths = [175, 100, 100, 124];
  const line = (cells: string[], bold: boolean) => {
    ensureRoom(doc, 16);
    const y = doc.y;
    let x = PAGE.margin;
    cells.forEach((cell, index) => {
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(9)
        .fillColor(INK)
        .text(cell, x, y, {
          width: widths[index]! - 6,
          align: index === 0 ? 'left' : 'right',
          lineBreak: false,
        });
      x += widths[index]!;
    });
    doc.y = y + 14;
  };
  line(['Area', 'Before', 'During', 'Change'], true);
  const show = (value: number | null) => (value === null ? '—' : whole.format(value));
  for (const area of data.areas) {
    line(
      [
        `${area.area}${area.illustrative ? ' *' : ''}`,
        show(area.before),
        show(area.during),
        formatOutcomeChange(area.change),
      ],
      false,
    );
  }
  if (data.total)
    line(
      [
        data.total.area,
        show(data.total.before),
        show(data.total.during),
        formatOutcomeChange(data.total.change),
      ],
      true,
    );
  doc.x = PAGE.margin;
  if (data.areas.some((area) => area.illustrative))
    note(
      doc,
      '* Illustrative: this area’s count was not published; only the regional totals and the Lancashire, Cheshire and Cumbria increases were.',
    );
  note(
    doc,
    `Reach and help-seeking side by side show correlation, not cause: many things besides this campaign move the number of people who seek help.${data.source ? ` Source: ${data.source}.` : ''}`,
  );
}
