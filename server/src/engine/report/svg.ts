// The report's charts as inline SVG, generated here rather than by a chart library: they
// render with no script (so the page's Content-Security-Policy can forbid scripts and
// remote loads), they carry their numbers as data-* attributes a test can read, and they
// add nothing to the extension's size. Colours come from CSS classes, so the VS Code theme
// (or the browser's light/dark preference) applies.
import { percent } from '../format';
import type { MissingnessSection, RepresentationSection } from './model';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const LABEL_WIDTH = 300;
const PLOT_WIDTH = 420;
const ROW_HEIGHT = 26;

/** A number for an SVG attribute, short. */
function n(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** Each group's share as a dot with its 95% interval, and the reference share as a diamond. */
export function intervalChart(s: RepresentationSection): string {
  const highest = Math.max(0.01, ...s.groups.flatMap((g) => [g.ciHigh, g.referenceShare ?? 0]));
  // Round ticks (0, 20%, 40%, ...): the smallest step that covers the data in at most five.
  const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25].find((t) => highest / t <= 5) ?? 0.25;
  const max = Math.min(1, Math.ceil(highest / step - 1e-9) * step);
  const x = (share: number) => LABEL_WIDTH + (share / max) * PLOT_WIDTH;
  const height = ROW_HEIGHT * s.groups.length + 34;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  const parts: string[] = [
    `<svg class="chart" role="img" viewBox="0 0 ${LABEL_WIDTH + PLOT_WIDTH + 20} ${height}" width="${LABEL_WIDTH + PLOT_WIDTH + 20}" height="${height}" ` +
      `aria-label="${escapeHtml(`Share of each group in ${s.column} with its 95% interval, beside the reference share`)}" data-chart="representation" data-column="${escapeHtml(s.column)}">`,
  ];
  for (const t of ticks) parts.push(`<line class="grid" x1="${n(x(t))}" x2="${n(x(t))}" y1="4" y2="${height - 24}"/><text class="tick" x="${n(x(t))}" y="${height - 8}" text-anchor="middle">${percent(t)}</text>`);
  s.groups.forEach((g, i) => {
    const y = 16 + i * ROW_HEIGHT;
    const cls = g.absent ? 'absent' : g.under ? 'under' : 'ok';
    parts.push(
      `<g class="group ${cls}" data-group="${escapeHtml(g.group)}" data-share="${g.share}" data-ci-low="${g.ciLow}" data-ci-high="${g.ciHigh}"` +
        `${g.referenceShare !== undefined ? ` data-reference="${g.referenceShare}"` : ''} data-count="${g.count}"${g.absent ? ' data-absent="true"' : ''}>`,
      // Long names are cut to fit the label column; the table below the chart gives them whole.
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 4}" text-anchor="end"><title>${escapeHtml(g.group)}</title>${escapeHtml(g.group.length > 34 ? `${g.group.slice(0, 33)}…` : g.group)}</text>`,
      `<line class="interval" x1="${n(x(g.ciLow))}" x2="${n(x(g.ciHigh))}" y1="${y}" y2="${y}"/>`,
      g.absent ? `<circle class="dot hollow" cx="${n(x(0))}" cy="${y}" r="5"/>` : `<circle class="dot" cx="${n(x(g.share))}" cy="${y}" r="5"/>`,
    );
    if (g.referenceShare !== undefined) {
      const rx = x(g.referenceShare);
      parts.push(`<path class="reference" d="M${n(rx)} ${y - 6} L${n(rx + 6)} ${y} L${n(rx)} ${y + 6} L${n(rx - 6)} ${y} Z"/>`);
    }
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}

const CELL_WIDTH = 92;
const CELL_HEIGHT = 24;

/** Phenotype field × ancestry group, each cell shaded by its missing share. */
export function heatMap(s: MissingnessSection): string {
  const left = 200;
  const top = 56;
  const width = left + CELL_WIDTH * s.groups.length + 10;
  const height = top + CELL_HEIGHT * s.rows.length + 10;
  const parts: string[] = [
    `<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
      `aria-label="${escapeHtml(`Missing share of each phenotype field by group of ${s.ancestryColumn}`)}" data-chart="missingness" data-column="${escapeHtml(s.ancestryColumn)}">`,
  ];
  s.groups.forEach((g, j) => {
    const cx = left + j * CELL_WIDTH + CELL_WIDTH / 2;
    parts.push(`<text class="tick" x="${cx}" y="${top - 8}" text-anchor="end" transform="rotate(-20 ${cx} ${top - 8})">${escapeHtml(g.length > 22 ? `${g.slice(0, 21)}…` : g)}</text>`);
  });
  s.rows.forEach((row, i) => {
    const y = top + i * CELL_HEIGHT;
    parts.push(`<text class="label${row.significant ? ' significant' : ''}" x="${left - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(row.column)}${row.significant ? ' ▲' : ''}</text>`);
    if (row.structural) {
      parts.push(`<rect class="structural" x="${left}" y="${y + 1}" width="${CELL_WIDTH * s.groups.length}" height="${CELL_HEIGHT - 2}" data-structural="true"/>`,
        `<text class="cell-text" x="${left + 6}" y="${y + 16}">structural: ${escapeHtml(row.structural)}</text>`);
      return;
    }
    s.groups.forEach((g, j) => {
      const c = row.cells.find((x) => x.group === g);
      if (!c) return;
      const x = left + j * CELL_WIDTH;
      parts.push(
        `<g data-column="${escapeHtml(row.column)}" data-group="${escapeHtml(g)}" data-share="${c.share}" data-missing="${c.missing}" data-rows="${c.rows}"${row.significant && c.highest ? ' data-significant="true"' : ''}>`,
        `<rect class="heat${row.significant && c.highest ? ' significant' : ''}" x="${x + 1}" y="${y + 1}" width="${CELL_WIDTH - 2}" height="${CELL_HEIGHT - 2}" fill-opacity="${n(0.08 + 0.92 * c.share)}"/>`,
        `<text class="cell-text" x="${x + CELL_WIDTH / 2}" y="${y + 16}" text-anchor="middle">${percent(c.share)}${row.significant && c.highest ? ' ▲' : ''}</text>`,
        '</g>',
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
