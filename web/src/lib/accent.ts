// A territory's accent colour (settings) on its pages: the colour itself for bands and
// buttons, and the text colour that keeps a contrast of at least 4.5:1 on it.
const HEX = /^#([0-9a-f]{6})$/i;

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(1 + i, 3 + i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** The readable text colour on the accent: white, or the site's dark green. */
export function accentInk(accent: string): string {
  return contrast(accent, '#ffffff') >= 4.5 ? '#ffffff' : '#143827';
}

/**
 * CSS custom properties for an element (style attribute): --accent and --accent-ink.
 * Empty without a valid colour, so the site's own colours apply.
 */
export function accentStyle(accent: string | null | undefined): string {
  if (!accent || !HEX.test(accent)) return '';
  return `--accent: ${accent}; --accent-ink: ${accentInk(accent)};`;
}
