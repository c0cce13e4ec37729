// When held posts released together go out (issue 10, "Release all held"). After a pause, dozens
// of posts may be held; released at once they would all go out in the same minute: a burst that
// trips platforms' rate limits and reads as a wall of identical posts to anyone who follows more
// than one force. So each gets its own slot: from the next whole minute after a minute from now
// (time to notice a mistake and cancel), at most a few per channel and a few overall in any one
// minute, in the order they were due. A post still due later than the first slot waits for its
// own time (and counts in that minute). Pure.

export interface ReleaseSpread {
  perChannelPerMinute: number;
  perMinute: number;
  /** A minute, in milliseconds; tests shorten it to watch a spread go out in seconds. */
  minuteMs: number;
}

export const RELEASE_SPREAD: ReleaseSpread = {
  perChannelPerMinute: 2,
  perMinute: 20,
  minuteMs: 60_000,
};

export interface HeldPost {
  id: string;
  channelId: string;
  scheduledAt: Date;
}

/** The first slot: the whole minute at or after one minute from now. */
export function firstReleaseSlot(now: Date, minuteMs = RELEASE_SPREAD.minuteMs): Date {
  return new Date(Math.ceil((now.getTime() + minuteMs) / minuteMs) * minuteMs);
}

/** When each post goes out, by id. */
export function spreadReleases(
  posts: readonly HeldPost[],
  now: Date,
  spread: ReleaseSpread = RELEASE_SPREAD,
): Map<string, Date> {
  if (spread.perChannelPerMinute < 1 || spread.perMinute < 1)
    throw new RangeError('a spread must let at least one post out a minute');
  const start = firstReleaseSlot(now, spread.minuteMs).getTime();
  const ordered = [...posts].sort(
    (a, b) =>
      a.scheduledAt.getTime() - b.scheduledAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const inMinute: number[] = [];
  const channelInMinute = new Map<string, number[]>();
  // The first minute that may still have room, overall and per channel: the search starts there.
  let firstOpen = 0;
  const channelFirstOpen = new Map<string, number>();
  const times = new Map<string, Date>();
  for (const post of ordered) {
    // A post not yet due at the first slot waits for its own time, in that time's minute.
    const own = Math.max(0, Math.floor((post.scheduledAt.getTime() - start) / spread.minuteMs));
    const counts = channelInMinute.get(post.channelId) ?? [];
    channelInMinute.set(post.channelId, counts);
    let minute = Math.max(firstOpen, channelFirstOpen.get(post.channelId) ?? 0, own);
    while (
      (inMinute[minute] ?? 0) >= spread.perMinute ||
      (counts[minute] ?? 0) >= spread.perChannelPerMinute
    )
      minute += 1;
    inMinute[minute] = (inMinute[minute] ?? 0) + 1;
    const inChannel = (counts[minute] ?? 0) + 1;
    counts[minute] = inChannel;
    while ((inMinute[firstOpen] ?? 0) >= spread.perMinute) firstOpen += 1;
    channelFirstOpen.set(
      post.channelId,
      inChannel >= spread.perChannelPerMinute ? minute + 1 : minute,
    );
    const slot = start + minute * spread.minuteMs;
    times.set(post.id, new Date(Math.max(slot, post.scheduledAt.getTime())));
  }
  return times;
}
