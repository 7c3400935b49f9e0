import { describe, expect, it } from 'vitest';
import { axisTicks, axisValue, compactCount, formatBig, formatCount, logChart, powerOfTen } from '../../src/demos/shared/log-chart.ts';

describe('log-chart helpers', () => {
  it('prints powers of ten with superscripts, negative exponents included', () => {
    expect(powerOfTen(0)).toBe('10⁰');
    expect(powerOfTen(6)).toBe('10⁶');
    expect(powerOfTen(12)).toBe('10¹²');
    expect(powerOfTen(-3)).toBe('10⁻³');
  });

  it('compacts powers of two and groups counts', () => {
    expect(compactCount(1024)).toBe('1024');
    expect(compactCount(65536)).toBe('64k');
    expect(compactCount(1048576)).toBe('1M');
    expect(compactCount(100000)).toBe('100000');
    expect(formatCount(20672)).toBe('20,672');
    expect(formatCount(16777216)).toBe('16,777,216');
    expect(formatCount(-1234)).toBe('\u22121,234');
    expect(formatCount(12)).toBe('12');
  });

  it('writes big numbers in scientific form, carrying a rounded-up mantissa', () => {
    expect(formatBig(999_999)).toBe('999,999');
    expect(formatBig(68_157_440)).toBe('6.82 × 10⁷');
    expect(formatBig(9_999_999)).toBe('1.00 × 10⁷');
    expect(formatBig(Infinity)).toBe('∞');
  });

  it('maps values onto axes and drops what a log axis cannot show', () => {
    expect(axisValue('log2', 1024)).toBe(10);
    expect(axisValue('log10', 1000)).toBeCloseTo(3, 12);
    expect(axisValue('linear', -2)).toBe(-2);
    expect(axisValue('log10', 0)).toBeNaN();
    expect(axisValue('log2', -1)).toBeNaN();
    expect(axisValue('linear', Infinity)).toBeNaN();
  });

  it('puts log ticks on whole powers and thins them to about `count`', () => {
    expect(axisTicks('log10', 1, 1e4).map((t) => t.label)).toEqual(['10⁰', '10¹', '10²', '10³', '10⁴']);
    expect(axisTicks('log2', 16, 256).map((t) => t.value)).toEqual([16, 32, 64, 128, 256]);
    const many = axisTicks('log2', 8, 65536, 7);
    expect(many.length).toBeLessThanOrEqual(7);
    expect(many[0]!.value).toBe(8);
    expect(axisTicks('linear', 0, 1).map((t) => t.label)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });

  it('renders an accessible SVG with a legend, one group per series, and skips non-positive points', () => {
    const svg = logChart({
      idPrefix: 'demo',
      key: 'mem',
      title: 'Memory <held>',
      desc: 'A description & more',
      xLabel: 'n',
      yLabel: 'numbers',
      xAxis: 'log2',
      yAxis: 'log10',
      series: [
        {
          name: 'full',
          colour: 0,
          points: [
            [16, 256],
            [32, 1024],
            [64, 4096],
          ],
        },
        {
          name: 'measured',
          colour: 1,
          noLine: true,
          points: [
            [16, 0],
            [32, 50],
          ],
        },
      ],
      vlines: [
        { x: 32, label: 'n = 32' },
        { x: 1e9, label: 'off the chart' },
      ],
    });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="demo-mem-title"');
    expect(svg).toContain('<title id="demo-mem-title">Memory &lt;held&gt;</title>');
    expect(svg).toContain('A description &amp; more');
    expect((svg.match(/class="chart-series"/g) ?? []).length).toBe(2);
    // The measured series has one drawable point (0 cannot sit on a log axis) and no line.
    const measured = svg.split('data-series="1"')[1]!.split('</g>')[0]!;
    expect((measured.match(/<rect /g) ?? []).length).toBe(1);
    expect(measured).not.toContain('polyline');
    expect(svg).toContain('n = 32');
    expect(svg).not.toContain('off the chart');
    expect(svg).toContain('<li');
    expect(svg).not.toContain('NaN');
  });
});
