import { describe, expect, it } from 'vitest';
import { pageOf, shortLinkText, taggedUrl, urlIdentity } from './tagged-url';

const tagging = {
  platform: 'x',
  campaignSlug: 'nw-online-2026',
  organisationSlug: 'cumbria',
} as const;

describe('taggedUrl', () => {
  it('tags the signpost URL with platform, medium, campaign and organisation', () => {
    expect(taggedUrl('https://get-help.stopitnow.org.uk', tagging)).toBe(
      'https://get-help.stopitnow.org.uk/?utm_source=x&utm_medium=social&utm_campaign=nw-online-2026&utm_content=cumbria',
    );
  });

  it('keeps the base URL’s own query as written, before the tags', () => {
    expect(taggedUrl('https://e.org/help?lang=cy&q=a%20b+c', tagging)).toBe(
      'https://e.org/help?lang=cy&q=a%20b+c&utm_source=x&utm_medium=social&utm_campaign=nw-online-2026&utm_content=cumbria',
    );
  });

  it('keeps the fragment after the query', () => {
    expect(taggedUrl('https://e.org/help#call', tagging)).toBe(
      'https://e.org/help?utm_source=x&utm_medium=social&utm_campaign=nw-online-2026&utm_content=cumbria#call',
    );
    expect(taggedUrl('https://e.org/?a=1#top', tagging)).toMatch(/\?a=1&utm_source=x&.*#top$/);
  });

  it('replaces utm tags the base URL already has, rather than repeating them', () => {
    const url = taggedUrl('https://e.org/?utm_source=old&keep=1&utm_content=old', tagging);
    expect(url).toBe(
      'https://e.org/?keep=1&utm_source=x&utm_medium=social&utm_campaign=nw-online-2026&utm_content=cumbria',
    );
  });

  it('encodes slugs that are not URL-safe', () => {
    const url = taggedUrl('https://e.org', {
      ...tagging,
      campaignSlug: 'a b&c=d',
      organisationSlug: 'é',
    });
    expect(new URL(url).searchParams.get('utm_campaign')).toBe('a b&c=d');
    expect(new URL(url).searchParams.get('utm_content')).toBe('é');
  });

  it('keeps a path and its trailing slash', () => {
    expect(taggedUrl('https://e.org/get-help/', tagging)).toMatch(
      /^https:\/\/e\.org\/get-help\/\?utm_source=x/,
    );
  });
});

describe('pageOf', () => {
  it('gives one page for every spelling of the signpost URL', () => {
    const page = 'get-help.stopitnow.org.uk';
    expect(pageOf('https://get-help.stopitnow.org.uk')).toBe(page);
    expect(pageOf('http://get-help.stopitnow.org.uk/')).toBe(page);
    expect(pageOf('get-help.stopitnow.org.uk/?utm_source=x')).toBe(page);
    expect(pageOf('HTTPS://GET-HELP.StopItNow.org.uk/#help')).toBe(page);
  });

  it('tells other pages and other sites apart', () => {
    expect(pageOf('https://get-help.stopitnow.org.uk/about')).toBe(
      'get-help.stopitnow.org.uk/about',
    );
    expect(pageOf('https://www.stopitnow.org.uk')).toBe('www.stopitnow.org.uk');
  });

  it('answers null for something that is not a URL', () => {
    expect(pageOf('http://')).toBeNull();
  });
});

describe('urlIdentity', () => {
  it('is the same for the same URL with its parameters in another order', () => {
    expect(urlIdentity('https://e.org/?b=2&a=1')).toBe(urlIdentity('https://e.org?a=1&b=2'));
  });

  it('differs when a parameter, the scheme or the fragment differs', () => {
    const base = urlIdentity('https://e.org/?a=1');
    expect(urlIdentity('https://e.org/?a=2')).not.toBe(base);
    expect(urlIdentity('http://e.org/?a=1')).not.toBe(base);
    expect(urlIdentity('https://e.org/?a=1#x')).not.toBe(base);
    expect(urlIdentity('https://e.org/')).not.toBe(base);
  });
});

describe('shortLinkText', () => {
  it('is the host and path, without scheme, query, fragment or trailing slash', () => {
    expect(shortLinkText('https://get-help.stopitnow.org.uk')).toBe('get-help.stopitnow.org.uk');
    expect(shortLinkText('https://www.stopitnow.org.uk/get-help/?ref=1#top')).toBe(
      'www.stopitnow.org.uk/get-help',
    );
  });
});
