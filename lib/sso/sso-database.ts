// The database client better-auth is given: the same Prisma client, except that the SSO plugin's
// provider rows are read with their client secret unsealed (and, should the plugin ever write one,
// sealed again). Everything else in Signpost reads sso_providers through `db` and sees only the
// sealed secret.
import type { PrismaClient } from '@/prisma/generated/client';
import { env } from '../env';
import { sealOidcConfig, unsealOidcConfig } from './sso-secret';

type Row = { oidcConfig?: string | null };

function unsealRow(row: unknown, key: string): unknown {
  if (row && typeof row === 'object' && 'oidcConfig' in row) {
    const provider = row as Row;
    return { ...provider, oidcConfig: unsealOidcConfig(provider.oidcConfig ?? null, key) };
  }
  return row;
}

export function withUnsealedSsoSecrets(client: PrismaClient) {
  const key = env().CREDENTIALS_KEY;
  return client.$extends({
    query: {
      ssoProvider: {
        async $allOperations({ args, query }) {
          const data = (args as { data?: Row }).data;
          if (data && typeof data === 'object' && typeof data.oidcConfig === 'string')
            data.oidcConfig = sealOidcConfig(data.oidcConfig, key);
          const result: unknown = await query(args);
          return Array.isArray(result)
            ? result.map((row) => unsealRow(row, key))
            : unsealRow(result, key);
        },
      },
    },
  });
}
