'use client';
// zod compiles object parsers with `new Function` where it can, and finds out by trying once;
// under Signpost's CSP (no 'unsafe-eval') that try is a reported violation. In the browser it
// parses without compiling; the server, which has no CSP, keeps the faster compiled parsers.
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });

/** Rendered once by the root layout, so this module runs before any page's parsing. */
export function BrowserZod() {
  return null;
}
