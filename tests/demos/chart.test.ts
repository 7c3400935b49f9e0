import { describe, expect, it } from 'vitest';
import { handleValueText, lineChart, niceTicks, planeScale, planeSvg, tickDigits, vectorGeometry } from '../../src/demos/shared/chart.ts';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(-1, 1, 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });
  it('prints ticks with just enough decimals', () => {
    expect(tickDigits([0, 5, 10])).toBe(0);
    expect(tickDigits([1, 1.25, 1.5])).toBe(2);
    expect(tickDigits([0, 0.5, 1])).toBe(1);
  });
});

describe('lineChart', () => {
  const html = lineChart({
    idPrefix: 'd',
    key: 'c',
    title: 'Growth & size',
    desc: 'Two series',
    xLabel: 'layer',
    yLabel: 'RMS',
    series: [
      {
        name: 'Pre-LN',
        colour: 0,
        points: [
          [0, 1],
          [1, 2],
          [2, NaN],
        ],
      },
      {
        name: 'Post-LN',
        colour: 1,
        noLine: true,
        points: [
          [0, 1],
          [1, 1],
        ],
      },
    ],
    vlines: [{ x: 1, label: 'here' }],
  });
  it('has an accessible title and description', () => {
    expect(html).toContain('role="img" aria-labelledby="d-c-title" aria-describedby="d-c-desc"');
    expect(html).toContain('<title id="d-c-title">Growth &amp; size</title>');
  });
  it('draws lines, markers, reference lines and a text legend', () => {
    expect((html.match(/<polyline/g) ?? []).length).toBe(1);
    expect(html).toContain('<polyline points="52,');
    expect(html).toContain('>1.25</text>');
    expect(html).toContain('<rect x=');
    expect(html).toContain('class="chart-vline"');
    expect(html).toContain('Pre-LN</li>');
    expect(html).toContain('Post-LN</li>');
    expect(html).not.toContain('NaN');
  });
});

describe('planes', () => {
  it('maps plane coordinates to SVG units', () => {
    const { cx, unit } = planeScale(3, 300);
    const g = vectorGeometry(1, -2, 3, 300);
    expect(g.x2).toBeCloseTo(cx + unit, 12);
    expect(g.y2).toBeCloseTo(cx + 2 * unit, 12);
    expect(vectorGeometry(0, 0, 3, 300).head).toBe('');
  });
  it('gives draggable handles a name, a value text and keyboard focus', () => {
    const svg = planeSvg({
      idPrefix: 'p',
      key: 'plane',
      title: 'T',
      desc: 'D',
      extent: 3,
      handleHint: 'p-hint',
      vectors: [{ key: 'q', x: 1.5, y: -1, colour: 0, label: 'q', handle: 'Query q' }],
    });
    expect(svg).toContain('role="slider"');
    expect(svg).toContain('aria-label="Query q"');
    expect(svg).toContain(`aria-valuetext="${handleValueText(1.5, -1)}"`);
    expect(handleValueText(1.5, -1)).toBe('x 1.50, y \u22121.00');
    expect(svg).toContain('tabindex="0"');
    expect(svg).toContain('aria-describedby="p-hint"');
  });
});
