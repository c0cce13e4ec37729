// A post's text as X gives it back: every link wrapped in t.co (its entity naming the link as
// typed), and &, < and > escaped as HTML entities.
import { findUrls } from '@/lib/platforms/links';
import type { SandboxPost } from '../state';

/** The text as X gives it back: links wrapped in t.co, and &, <, > escaped. */
export function asShown(post: SandboxPost) {
  const urls: {
    start: number;
    end: number;
    url: string;
    expanded_url: string;
    display_url: string;
  }[] = [];
  let text = '';
  let at = 0;
  for (const found of findUrls(post.text)) {
    text += escapeHtml(post.text.slice(at, found.start));
    const url = `https://t.co/${shortCode(found.url)}`;
    urls.push({
      start: text.length,
      end: text.length + url.length,
      url,
      expanded_url: found.url,
      display_url: found.url.replace(/^https?:\/\//, ''),
    });
    text += url;
    at = found.end;
  }
  text += escapeHtml(post.text.slice(at));
  return { text, urls };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function shortCode(url: string): string {
  let h = 5381;
  for (let i = 0; i < url.length; i++) h = (Math.imul(h, 33) + url.charCodeAt(i)) >>> 0;
  return h.toString(36).padStart(10, '0');
}
