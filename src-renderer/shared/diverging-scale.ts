/**
 * A diverging colour scale for signed values: blue below zero, neutral at zero, orange above (the pair
 * stays distinct for the common colour-vision deficiencies). The neutral middle is the theme's own
 * surface tone, so zero reads as "nothing" in light and dark alike.
 */

type Rgb = [number, number, number];

interface Palette {
  negative: Rgb;
  zero: Rgb;
  positive: Rgb;
}

const LIGHT: Palette = { negative: [33, 102, 172], zero: [247, 247, 247], positive: [230, 97, 1] };
const DARK: Palette = { negative: [94, 160, 232], zero: [42, 48, 56], positive: [247, 150, 70] };

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as Rgb;
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The colour of `value` on a scale from −range to +range (values beyond it take the end colours). */
export function divergingColour(value: number, range: number, dark: boolean): string {
  const palette = dark ? DARK : LIGHT;
  const t = range > 0 ? Math.max(-1, Math.min(1, value / range)) : 0;
  return hex(t < 0 ? mix(palette.zero, palette.negative, -t) : mix(palette.zero, palette.positive, t));
}

/** Evenly spaced stops from −range to +range, for the legend's gradient. */
export function legendStops(range: number, dark: boolean, count = 9): Array<{ offset: number; colour: string }> {
  return Array.from({ length: count }, (_, i) => {
    const offset = i / (count - 1);
    return { offset, colour: divergingColour((2 * offset - 1) * range, range, dark) };
  });
}
