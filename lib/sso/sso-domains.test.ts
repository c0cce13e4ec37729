import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emailDomain,
  emailInDomains,
  isEmailDomain,
  joinDomains,
  splitDomains,
} from './sso-domains';

describe('single sign-on domains', () => {
  it('reads the domain of an email in lower case', () => {
    expect(emailDomain('Sam.Okafor@Lancashire.Police.UK')).toBe('lancashire.police.uk');
    expect(emailDomain('no-at-sign')).toBeNull();
    expect(emailDomain('@lancashire.police.uk')).toBeNull();
    expect(emailDomain('sam@localhost')).toBeNull();
  });

  it('matches a domain exactly, never a subdomain or a look-alike', () => {
    const domains = ['lancashire.police.uk'];
    expect(emailInDomains('sam@lancashire.police.uk', domains)).toBe(true);
    expect(emailInDomains('sam@evil.lancashire.police.uk', domains)).toBe(false);
    expect(emailInDomains('sam@lancashire.police.uk.evil.example', domains)).toBe(false);
    expect(emailInDomains('sam@notlancashire.police.uk', domains)).toBe(false);
  });

  it('refuses what is not a domain', () => {
    for (const bad of ['https://a.example', 'a.example:443', 'a..example', '-a.example', 'a', ''])
      expect(isEmailDomain(bad)).toBe(false);
  });

  it('keeps domains through the comma-separated column', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,10}$/);
    const domain = fc.tuple(label, label).map(([a, b]) => `${a}.${b}`);
    fc.assert(
      fc.property(fc.uniqueArray(domain, { minLength: 1, maxLength: 5 }), (domains) => {
        expect(splitDomains(joinDomains(domains))).toEqual(domains);
      }),
    );
  });

  it('never finds a domain in an address that has none of them', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const domain = emailDomain(text);
        if (domain !== null) expect(isEmailDomain(domain)).toBe(true);
      }),
    );
  });
});
