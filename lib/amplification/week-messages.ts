// Which messages are "this week's" for the amplification view: those approved in the UK week;
// in a week when none was approved, the newest approved before its end (what partners were still
// being asked to share). Pure.

export interface ApprovedMessage {
  id: string;
  approvedAt: Date | null;
}

export function weekMessages<M extends ApprovedMessage>(
  messages: readonly M[],
  week: { from: Date; to: Date },
): M[] {
  const approved = messages.filter(
    (message): message is M & { approvedAt: Date } => message.approvedAt !== null,
  );
  const within = approved.filter(
    (message) => message.approvedAt >= week.from && message.approvedAt < week.to,
  );
  const newestFirst = (a: { approvedAt: Date; id: string }, b: { approvedAt: Date; id: string }) =>
    b.approvedAt.getTime() - a.approvedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  if (within.length > 0) return within.sort(newestFirst);
  const before = approved.filter((message) => message.approvedAt < week.from).sort(newestFirst);
  return before.slice(0, 1);
}
