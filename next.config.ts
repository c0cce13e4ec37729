import type { NextConfig } from 'next';

const config: NextConfig = {
  // Server-only packages with native parts or WebAssembly stay out of the bundle.
  serverExternalPackages: [
    '@prisma/client',
    '@prisma/adapter-pg',
    'pg',
    'sharp',
    'bullmq',
    'ioredis',
    'pino',
    // Reads its font metrics from its own folder at run time.
    'pdfkit',
    // The queues' dashboard reads its page and scripts from @bull-board/ui's folder at run time.
    '@bull-board/api',
    '@bull-board/ui',
    '@bull-board/hono',
  ],
  // The file tracer cannot follow @bull-board/api's require.resolve of the UI: ship it by hand.
  outputFileTracingIncludes: {
    '/admin/queues/*': ['./node_modules/@bull-board/ui/dist/**/*'],
  },
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx for a page the role may not see.
    authInterrupts: true,
    optimizePackageImports: [
      '@mantine/core',
      '@mantine/hooks',
      '@mantine/dates',
      '@tabler/icons-react',
    ],
  },
  poweredByHeader: false,
  // `npm run typecheck` checks types (and `npm test` runs it); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default config;
