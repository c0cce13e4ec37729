import { describe, expect, it } from 'vitest';
import { demoEnabled, EnvError, parseEnv } from './env';

describe('the environment, parsed once at start-up', () => {
  it('has a development default for every variable', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/signpost');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.PLATFORM_MODE).toBe('sandbox');
    expect(env.METRICS_CONCURRENCY).toBe(5);
    expect(env.POLL_SWEEP_SECONDS).toBe(60);
    expect(demoEnabled(env)).toBe(true);
  });

  it('reads trusted proxies as addresses and CIDR ranges, and names a wrong one', () => {
    expect(parseEnv({ TRUSTED_PROXIES: ' 10.0.0.0/8, ::1 ,192.168.1.7' }).TRUSTED_PROXIES).toEqual([
      '10.0.0.0/8',
      '::1',
      '192.168.1.7',
    ]);
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    for (const wrong of ['proxy.example', '10.0.0.0/33', '10.0.0.1/8/2', '::1/129', '10.0.0.0/x'])
      expect(() => parseEnv({ TRUSTED_PROXIES: wrong })).toThrow(/TRUSTED_PROXIES/);
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ REDIS_URL: '' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('names every wrong value in one clear message', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', WORKER_CONCURRENCY: 'lots' })).toThrow(
      EnvError,
    );
    try {
      parseEnv({ DATABASE_URL: 'mysql://x', WORKER_CONCURRENCY: 'lots' });
    } catch (error) {
      expect(String(error)).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
      expect(String(error)).toMatch(/WORKER_CONCURRENCY/);
    }
  });

  it('refuses the development secrets in production, and never creates demo users there', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      /AUTH_SECRET: must be set in production/,
    );
    const production = parseEnv({
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
      SEED_DEMO: 'true',
    });
    expect(demoEnabled(production)).toBe(false);
  });

  it('refuses a credentials key that is not 32 bytes', () => {
    expect(() => parseEnv({ CREDENTIALS_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /CREDENTIALS_KEY: must be 32 bytes/,
    );
  });
});
