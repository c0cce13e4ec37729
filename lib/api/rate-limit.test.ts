import { describe, expect, it } from 'vitest';
import { rateLimitSubject } from './rate-limit';

describe('whom an API request is counted against', () => {
  it('is its API token, hashed', () => {
    const subject = rateLimitSubject(new Headers({ authorization: 'Bearer sp_abc' }), '10.0.0.1');
    expect(subject.kind).toBe('token');
    expect(subject.key).not.toContain('sp_abc');
    expect(rateLimitSubject(new Headers({ authorization: 'bearer sp_abc' }), '10.0.0.2')).toEqual(
      subject,
    );
  });

  it('is a browser session by its cookie, not the address its office shares', () => {
    const cookie = (value: string) =>
      new Headers({ cookie: `theme=light; better-auth.session_token=${value}; other=1` });
    const first = rateLimitSubject(cookie('one.sig'), '10.0.0.1');
    expect(first.kind).toBe('token');
    expect(rateLimitSubject(cookie('two.sig'), '10.0.0.1')).not.toEqual(first);
    expect(
      rateLimitSubject(
        new Headers({ cookie: '__Secure-better-auth.session_token=one.sig' }),
        '10.0.0.9',
      ),
    ).toEqual(first);
  });

  it('is the address when the request carries no credentials', () => {
    const one = rateLimitSubject(new Headers(), '10.0.0.1');
    expect(one.kind).toBe('address');
    expect(rateLimitSubject(new Headers(), '10.0.0.2')).not.toEqual(one);
    expect(rateLimitSubject(new Headers({ authorization: 'Basic abc' }), '10.0.0.1')).toEqual(one);
  });
});
