import { createTheme } from '@mantine/core';

// Calm and legible: a deep blue for action, plenty of white, the system font stack (no web font
// download, which this product's users' locked-down machines often block anyway).
export const theme = createTheme({
  primaryColor: 'signpost',
  primaryShade: { light: 7, dark: 5 },
  colors: {
    signpost: [
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
    ],
  },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
  },
});
