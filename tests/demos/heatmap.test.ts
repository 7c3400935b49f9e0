import { describe, expect, it } from 'vitest';
import { matrix } from '../../src/compute/index.ts';
import { detailId, heatmapSvg, heatmapTable, svgGrid, tableInDetails, type HeatmapSpec } from '../../src/demos/shared/heatmap.ts';

const base: HeatmapSpec = {
  key: 'w1',
  idPrefix: 'demo',
  caption: 'Weights <of> head 1',
  rowLabels: ['the', '<b>'],
  colLabels: ['a', 'b', 'c'],
  corner: 'q ↓ k →',
  values: matrix([
    [0.5, 0.25, 0.25],
    [-1, 0, 2],
  ]),
  scale: 'diverging',
};

function count(html: string, re: RegExp): number {
  return (html.match(re) ?? []).length;
}

describe('heatmapTable', () => {
  const html = heatmapTable({ ...base, detail: 'Hover a cell' });
  it('is a captioned table with escaped headers', () => {
    expect(html).toContain('<caption>Weights &lt;of&gt; head 1</caption>');
    expect(html).toContain('<th scope="row">&lt;b&gt;</th>');
    expect(count(html, /<th scope="col">/g)).toBe(3);
    expect(html).toContain('<th scope="col" class="hm-corner">q ↓ k →</th>');
    expect(html).not.toContain('<b>');
  });
  it('prints every value and keeps the exact number in data-value', () => {
    expect(count(html, /<td /g)).toBe(6);
    expect(html).toContain('data-i="1" data-j="2" data-value="2" tabindex="-1">2.00</td>');
    expect(html).toContain('data-value="-1" tabindex="-1">\u22121.00</td>');
  });
  it('has exactly one Tab stop (roving tabindex) and a detail line', () => {
    expect(count(html, /tabindex="0"/g)).toBe(1);
    expect(html).toContain(`aria-describedby="${detailId(base)}"`);
    expect(html).toContain(`<p class="hm-detail" id="demo-w1-detail" data-detail-for="w1" aria-live="polite">Hover a cell</p>`);
  });
  it('colours by sign and level', () => {
    expect(html).toMatch(/class="hm-cell hm-neg hm-l5" data-i="1" data-j="0"/);
    expect(html).toMatch(/class="hm-cell hm-pos hm-l10" data-i="1" data-j="2"/);
  });
  it('draws masked cells without a value, readable as "masked"', () => {
    const masked = heatmapTable({ ...base, masked: (i, j) => j > i });
    expect(count(masked, /data-masked/g)).toBe(3);
    expect(masked).toContain('<span class="visually-hidden">masked</span>');
    expect(masked).not.toContain('data-i="0" data-j="1" data-value');
  });
});

describe('heatmapSvg', () => {
  it('draws one path per colour class, one square per cell', () => {
    const svg = heatmapSvg({ ...base, rowAxis: 'q', colAxis: 'k' });
    const paths = svg.match(/<path class="[^"]+" d="[^"]+"\/>/g) ?? [];
    const classes = new Set(paths.map((p) => p.match(/class="([^"]+)"/)![1]));
    expect(paths.length).toBe(classes.size);
    expect(count(svg, /z/g)).toBeGreaterThanOrEqual(6);
    const squares = paths.reduce((n, p) => n + count(p, /M/g), 0);
    expect(squares).toBe(6);
  });
  it('is keyboard focusable with its geometry in data attributes', () => {
    const svg = heatmapSvg({ ...base, rowAxis: 'q', colAxis: 'k' });
    const g = svgGrid(2, 3);
    expect(svg).toContain('role="application"');
    expect(svg).toContain('tabindex="0"');
    expect(svg).toContain(`data-rows="2" data-cols="3" data-cell="${g.cell}" data-left="${g.left}" data-top="${g.top}"`);
    expect(svg).toContain('class="hm-cursor"');
  });
  it('leaves room for word labels when asked', () => {
    const words = svgGrid(2, 3, ['économique', 'a'], ['agreement', 'b', 'c'], true);
    expect(words.left).toBeGreaterThan(svgGrid(2, 3).left);
    expect(words.top).toBeGreaterThan(svgGrid(2, 3).top);
  });
});

describe('tableInDetails', () => {
  it('renders the full table statically, or lazily when closed', () => {
    expect(tableInDetails('Numbers', base)).toContain('<table');
    expect(tableInDetails('Numbers', base, 'closed')).not.toContain('<table');
    const open = tableInDetails('Numbers', base, 'open');
    expect(open).toContain('<details class="hm-details" data-table-for="w1" open>');
    expect(open).toContain('<table');
  });
});
