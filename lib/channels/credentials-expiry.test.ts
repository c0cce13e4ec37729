import { describe, expect, it } from 'vitest';
import { credentialsExpireAt } from './credentials-expiry';

describe('credentialsExpireAt', () => {
  it('an X token without a refresh token ends at its expiry; with one, Signpost renews it', () => {
    const expiresAt = '2026-12-08T10:00:00Z';
    expect(credentialsExpireAt('x', { accessToken: 'a', expiresAt })).toEqual(new Date(expiresAt));
    expect(credentialsExpireAt('x', { accessToken: 'a', refreshToken: 'r', expiresAt })).toBeNull();
    expect(credentialsExpireAt('x', { accessToken: 'a', expiresAt: 'soon' })).toBeNull();
  });

  it('other platforms’ pasted tokens carry no expiry', () => {
    expect(credentialsExpireAt('facebook', { pageAccessToken: 't' })).toBeNull();
  });
});
