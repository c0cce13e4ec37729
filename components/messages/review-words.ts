// What the approval toast says about the checks' warnings. Pure.

/** "One warning still applies; …", "3 warnings still apply; …", or nothing when there are none. */
export function warningsStillApply(count: number): string | undefined {
  if (count <= 0) return undefined;
  return count === 1
    ? 'One warning still applies; it does not stop the message being published elsewhere.'
    : `${count} warnings still apply; they do not stop the message being published elsewhere.`;
}
