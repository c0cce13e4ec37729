'use client';

// The bell's view of the person's notifications, kept current without a reload: it asks the API
// every POLL_MS while the tab is visible, and at once when the tab becomes visible again.
// Polling, not Server-Sent Events: the dispatcher writes rows and raises no per-person signal, so
// a push would need a LISTEN connection per web process fanned out to every open tab, through
// proxies that buffer or cut long responses; a count on an index every ten seconds costs less
// than that machinery and cannot be left hanging.
import { useCallback, useEffect, useRef, useState } from 'react';
import { BELL_FEED_SIZE } from '@/lib/notifications/bell-words';
import { type Seen, newArrivals, seenFrom } from '@/lib/notifications/new-arrivals';
import type { NotificationView } from '@/lib/notifications/notification-view';

export const POLL_MS = 10_000;

export interface NotificationFeed {
  items: NotificationView[];
  unreadCount: number;
}

export function useNotificationFeed(
  initial: NotificationFeed,
  onArrivals: (arrived: NotificationView[]) => void,
) {
  const [feed, setFeed] = useState(initial);
  const seen = useRef<Seen>(seenFrom(initial.items));
  const announce = useRef(onArrivals);
  useEffect(() => {
    announce.current = onArrivals;
  });
  const inFlight = useRef<AbortController | null>(null);

  const take = useCallback((next: NotificationFeed) => {
    const { arrived, seen: after } = newArrivals(seen.current, next.items);
    seen.current = after;
    setFeed(next);
    if (arrived.length > 0) announce.current(arrived);
  }, []);

  // A new render of the layout (after an action) brings the server's view: take it as a poll.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    take(initial);
  }, [initial, take]);

  const refresh = useCallback(async () => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const response = await fetch(`/api/v1/notifications?limit=${BELL_FEED_SIZE}`, {
        signal: controller.signal,
        cache: 'no-store',
      });
      // Signed out in another tab, or the server restarting: the next poll tries again.
      if (!response.ok) return;
      const body = (await response.json()) as NotificationFeed;
      take({ items: body.items, unreadCount: body.unreadCount });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      // Offline for a moment: the count stays as it was until a poll answers.
    } finally {
      if (inFlight.current === controller) inFlight.current = null;
    }
  }, [take]);

  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const timer = window.setInterval(tick, POLL_MS);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
      inFlight.current?.abort();
    };
  }, [refresh]);

  /** Marked read here at once; the server is told by the caller. */
  const markedRead = useCallback((ids: readonly string[] | 'all') => {
    const now = new Date().toISOString();
    setFeed((current) => {
      const items = current.items.map((item) =>
        item.readAt === null && (ids === 'all' || ids.includes(item.id))
          ? { ...item, readAt: now }
          : item,
      );
      const newlyRead = current.items.filter(
        (item, index) => item.readAt === null && items[index]?.readAt !== null,
      ).length;
      return {
        items,
        unreadCount: ids === 'all' ? 0 : Math.max(0, current.unreadCount - newlyRead),
      };
    });
  }, []);

  return { feed, refresh, markedRead };
}

/**
 * Tells the server a notification was followed, in a request that outlives the page: following
 * it navigates away at once, and a full page load would cancel an ordinary fetch.
 */
export function sendRead(ids: readonly string[]): void {
  void fetch('/api/v1/notifications/read', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ids }),
    keepalive: true,
  }).catch(() => {
    // Offline: it stays unread, which is the honest state.
  });
}
