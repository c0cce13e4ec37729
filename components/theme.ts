import {
  type MantineColorsTuple,
  DEFAULT_THEME,
  colorsTuple,
  createTheme,
  darken,
  luminance,
} from '@mantine/core';

// WCAG 2.2 AA asks 4.5:1 for text (1.4.3). Mantine's default shades fall short where they are
// drawn as text or under white text: its dimmed grey (gray 6, #868e96) is 3.3:1 on white, and
// light badges (shade 9 on shade 1) and filled buttons (white on shade 7) in green, yellow,
// orange, lime, teal and red are between 2.1 and 4.4:1. Every palette is therefore darkened here,
// in one place, until each shade used for text or under white text reads at 4.5:1 on every
// background it is drawn on; the lighter shades, used for surfaces, stay Mantine's.
const AA = 4.5;

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour, darkened in small steps until it reads at 4.5:1 on each background. */
export function readableOn(color: string, backgrounds: string[]): string {
  let shade = color;
  for (let step = 0; step < 50 && backgrounds.some((bg) => contrast(shade, bg) < AA); step += 1) {
    shade = darken(shade, 0.02);
  }
  return shade;
}

const gray = DEFAULT_THEME.colors.gray;
// The surfaces text sits on: white paper, the grey page (gray 0) and table headers (gray 1).
const SURFACES = ['#ffffff', gray[0], gray[1]];

/**
 * Shades 6 to 9 carry text: 6 is dimmed text (gray) and subtle buttons, 7 is filled (white text
 * on it) and outline, 8 its hover, 9 the text of light variants (on shade 1) and of alerts. Each
 * is darker than the one before it, so a hover still darkens.
 */
export function readablePalette(palette: MantineColorsTuple): MantineColorsTuple {
  const backgrounds = [...SURFACES, palette[0], palette[1]];
  const shades = [...palette];
  for (let index = 6; index < shades.length; index += 1) {
    const readable = readableOn(shades[index]!, backgrounds);
    const darkerThanBefore = darken(shades[index - 1]!, 0.06);
    shades[index] =
      index > 6 && luminance(readable) > luminance(darkerThanBefore) ? darkerThanBefore : readable;
  }
  return colorsTuple(shades);
}

const signpost: MantineColorsTuple = [
  '#e8f1fb',
  '#cfe0f3',
  '#9dbfe8',
  '#689ddd',
  '#3e80d3',
  '#256ecd',
  '#1764cb',
  '#0b53b4',
  '#004aa2',
  '#003f8f',
];

// `dark` is the dark scheme's palette, and this app is light only.
const colors = Object.fromEntries(
  Object.entries({ ...DEFAULT_THEME.colors, signpost })
    .filter(([name]) => name !== 'dark')
    .map(([name, palette]) => [name, readablePalette(palette)]),
);

// Calm and legible: a deep blue for action, plenty of white, the system font stack (no web font
// download, which this product's users' locked-down machines often block anyway).
export const theme = createTheme({
  primaryColor: 'signpost',
  primaryShade: { light: 7, dark: 5 },
  colors,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  // Mantine's own transitions (menus, dialogs, drawers) are instant when the system asks for
  // reduced motion (WCAG 2.3.3); app/accessibility.css does the same for CSS of our own.
  respectReducedMotion: true,
  // The focus ring shows for keyboard focus only, never hidden (2.4.7).
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
    // Links in text are told apart by more than colour (1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
    // The close buttons are icons: they need a name (4.1.2).
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // Mantine's scroll area around a short option list reads as a scrollable region no key can
    // reach (2.1.1); the lists here are short, and the browser's own scrolling is reachable.
    Select: { defaultProps: { withScrollArea: false } },
    // Mantine puts a focusable placeholder in each menu, which a menu may not contain (4.1.2).
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
});
