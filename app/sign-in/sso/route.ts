// GET /sign-in/sso?email=…&next=… : off to the email's organisation's identity provider.
import { startSsoSignIn } from '@/lib/sso/start-sso-sign-in';

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  return startSsoSignIn({
    email: (url.searchParams.get('email') ?? '').slice(0, 320),
    next: url.searchParams.get('next'),
    headers: request.headers,
  });
}
