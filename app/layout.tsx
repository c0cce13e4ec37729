import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import './accessibility.css';
import { MantineProvider, mantineHtmlProps } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { BrowserZod } from '@/components/browser-zod';
import { theme } from '@/components/theme';

export const metadata: Metadata = {
  title: { default: 'Signpost', template: '%s · Signpost' },
  description: 'Campaign scheduling for the North West child-protection campaign',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next.js puts that request's CSP nonce (proxy.ts) on its
  // scripts, and a page prerendered at build time would carry none.
  await connection();
  return (
    <html lang="en-GB" {...mantineHtmlProps}>
      <body>
        <BrowserZod />
        {/* Light only: no colour-scheme script is needed (React 19 warns about inline scripts). */}
        <MantineProvider theme={theme} forceColorScheme="light">
          <Notifications position="top-right" />
          {children}
        </MantineProvider>
      </body>
    </html>
  );
}
