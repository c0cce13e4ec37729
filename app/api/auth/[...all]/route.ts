import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth/auth';
import { guardAuthRoute } from '@/lib/auth/auth-routes';

const betterAuth = toNextJsHandler(auth);

export const GET = guardAuthRoute('GET', betterAuth.GET);
export const POST = guardAuthRoute('POST', betterAuth.POST);
