// The Prisma CLI (migrate, generate) runs its schema engine as WebAssembly through the `pg`
// driver adapter, so nothing is downloaded (see ../shared/TOOLCHAIN.md). Two gaps in
// @prisma/adapter-pg 6.19 are bridged here; the app itself never loads this file.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { defineConfig } from 'prisma/config';

const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/signpost';
// schema.prisma reads DATABASE_URL too; give it the same default as the app (lib/env.ts).
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

// The schema engine reads pg_catalog columns of type "char" (oid 18) and name (oid 19), which the
// adapter cannot deserialise; reported as text (oid 25) they read correctly.
const TEXT_OID = 25;
const resultPrototype = pg.Result.prototype as unknown as {
  addFields(fields: { dataTypeID: number }[]): void;
};
const addFields = resultPrototype.addFields;
resultPrototype.addFields = function patchedAddFields(fields) {
  for (const field of fields) {
    if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = TEXT_OID;
  }
  addFields.call(this, fields);
};

/**
 * TLS as the app's own connections take it from the URL (pg's reading of `sslmode`): managed
 * PostgreSQL with `?sslmode=verify-full` (and `sslrootcert=<file>` for its CA) is migrated over
 * TLS too; `no-verify` encrypts without checking the certificate.
 */
function sslConfig(parsed: URL): pg.PoolConfig['ssl'] {
  const mode = parsed.searchParams.get('sslmode');
  if (mode === null || mode === 'disable') return undefined;
  if (mode === 'no-verify') return { rejectUnauthorized: false };
  const rootCert = parsed.searchParams.get('sslrootcert');
  return rootCert ? { ca: readFileSync(rootCert, 'utf8') } : {};
}

function poolConfig(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    ssl: sslConfig(parsed),
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || 'postgres',
    password: decodeURIComponent(parsed.password) || undefined,
    database: parsed.pathname.replace(/^\//, ''),
  };
}

// The adapter's executeScript splits a migration on every ";", which breaks dollar-quoted
// function bodies; here the whole script goes to PostgreSQL at once (the simple query protocol
// runs it as one implicit transaction). Its own shadow database is the real one (the connection
// string wins over the database name) and is dropped while still in use; here it is a fresh
// database, dropped with FORCE after its pool is closed.
class MigrationAdapter extends PrismaPg {
  private readonly pool: pg.Pool;

  constructor(private readonly poolSettings: pg.PoolConfig) {
    // allowExitOnIdle: the CLI exits as soon as it is done instead of waiting on idle clients.
    const pool = new pg.Pool({ ...poolSettings, allowExitOnIdle: true });
    super(pool);
    this.pool = pool;
  }

  override async connect(): ReturnType<PrismaPg['connect']> {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await this.pool.query(script);
    };
    return adapter;
  }

  override async connectToShadowDb(): ReturnType<PrismaPg['connect']> {
    const admin = await this.connect();
    const database = `signpost_shadow_${randomUUID().replaceAll('-', '')}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadowFactory = new MigrationAdapter({ ...this.poolSettings, database });
    const shadow = await shadowFactory.connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await shadowFactory.pool.end();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations'), seed: 'tsx prisma/seed.ts' },
  adapter: async () =>
    new MigrationAdapter(poolConfig(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)),
});
