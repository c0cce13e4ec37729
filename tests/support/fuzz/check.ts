// Runs a fuzz property and, when it fails, says so briefly: the request that broke it with long
// strings cut (a 100,000-character counterexample helps nobody), the seed and path to replay it
// (FUZZ_SEED, FUZZ_PATH), and what went wrong.
import fc from 'fast-check';

const MAX_STRING = 120;

function shorten(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > MAX_STRING
      ? `${value.slice(0, MAX_STRING)}… (${value.length} characters)`
      : value;
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (Array.isArray(value)) return value.map(shorten);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shorten(inner)]));
  return value;
}

export async function checkProperty<T>(
  property: fc.IAsyncProperty<[T]>,
  numRuns: number,
): Promise<void> {
  const replay = process.env.FUZZ_SEED
    ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH }
    : {};
  const details = await fc.check(property, { numRuns, ...replay });
  if (!details.failed) return;
  const [input] = details.counterexample ?? [];
  const cause =
    details.errorInstance instanceof Error
      ? details.errorInstance.message
      : String(details.errorInstance);
  throw new Error(
    [
      `Failed after ${details.numRuns} runs (FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} to replay).`,
      `Input: ${fc.stringify(shorten(input))}`,
      cause.slice(0, 4000),
    ].join('\n'),
  );
}
