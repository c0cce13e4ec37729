// The attributes of better-auth's cookies (the session token and its companions): never readable
// by scripts, not sent on cross-site subrequests or posts, and Secure wherever the app is served
// over HTTPS (servedOverHttps in lib/security/security-headers.ts).
export function sessionCookieAttributes(https: boolean) {
  return { httpOnly: true, sameSite: 'lax', secure: https, path: '/' } as const;
}
