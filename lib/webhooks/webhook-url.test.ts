import { describe, expect, it } from 'vitest';
import { productionUrlProblem, WEBHOOK_URL_MAX, WebhookUrl, webhookHost } from './webhook-url';

describe('a webhook URL', () => {
  it.each([
    'https://tools.lancashire.police.uk/signpost',
    'http://127.0.0.1:8080/hook?x=1',
    'https://[2a00:1450::1]/hook',
  ])('accepts %s', (url) => {
    expect(WebhookUrl.safeParse(url).success).toBe(true);
  });

  it.each([
    ['ftp://example.org/', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['not a url', /not a URL/],
    ['https://user:pass@example.org/', /user name or password/],
    ['https://token@example.org/', /user name or password/],
    [`https://example.org/${'a'.repeat(WEBHOOK_URL_MAX)}`, /at most/],
    ['', /give the URL/],
  ])('refuses %s', (url, problem) => {
    const result = WebhookUrl.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(problem);
  });

  it('refuses at once, in production, a host that is an address of our own network', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://10.1.2.3:8080/',
      'http://[::1]/',
      'http://[::ffff:192.168.0.1]/',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.9/',
      'http://[fd00::5]/',
      'http://0.0.0.0/',
      'http://2130706433/',
      'http://localhost:3000/',
    ])
      expect(productionUrlProblem(url), url).not.toBeNull();
    expect(productionUrlProblem('https://example.org/hook')).toBeNull();
    expect(productionUrlProblem('https://93.184.216.34/hook')).toBeNull();
  });

  it('shows only its host, never a path or query that may carry a token', () => {
    expect(webhookHost('https://hooks.example.org:8443/t/secret?key=abc')).toBe(
      'hooks.example.org:8443',
    );
  });
});
