// The caller's address for throttling. Behind a proxy the first X-Forwarded-For hop is the
// client; set TRUST_PROXY only where a proxy you run sets that header.
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || 'unknown';
}
