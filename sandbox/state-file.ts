// The sandbox's optional state file (SANDBOX_STATE_FILE; `npm run dev` sets var/sandbox-state.json,
// tests never): what was published and the figures set on it are loaded at start and written,
// debounced, after each change, so restarting the sandbox does not make every post 404 to the
// metrics worker. Uploads, containers, faults and rate-limit windows are not kept: they are
// short-lived on the platforms too.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { Platform } from '@/lib/platforms/types';
import type { SandboxState } from './state';

const WRITE_AFTER_MS = 250;
const Count = z.number().int().nonnegative();
const Figure = z.union([Count, z.null(), z.record(z.string(), Count)]);
const StateFile = z.object({
  version: z.literal(1),
  sequence: z.number().int().nonnegative(),
  lastTidMicros: z.string().regex(/^\d+$/),
  posts: z.array(
    z.object({
      platform: Platform,
      account: z.string(),
      id: z.string(),
      text: z.string(),
      media: z.array(
        z.object({
          id: z.string().optional(),
          altText: z.string().nullable(),
          url: z.string().nullable(),
          mimeType: z.string().nullable(),
          bytes: z.number().nullable(),
        }),
      ),
      receivedAt: z.iso.datetime(),
      extra: z.record(z.string(), z.unknown()),
    }),
  ),
  figures: z.array(z.tuple([z.string(), z.record(z.string(), Figure)])),
});
type StateFile = z.infer<typeof StateFile>;

export interface StateFileHandle {
  /** Writes what is pending now (on shutdown). */
  flush(): Promise<void>;
}

/** Loads the file into the state (if it exists) and keeps it written as the state changes. */
export async function keepStateFile(
  state: SandboxState,
  file: string,
  logger: Logger,
): Promise<StateFileHandle> {
  const loaded = await load(file, logger);
  if (loaded) {
    for (const post of loaded.posts)
      state.record({ ...post, receivedAt: new Date(post.receivedAt) });
    for (const [key, figures] of loaded.figures) state.figureOverrides.set(key, figures);
    state.lastSequence = loaded.sequence;
    state.lastTidMicros = BigInt(loaded.lastTidMicros);
    logger.info({ file, posts: loaded.posts.length }, 'sandbox state loaded');
  }

  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  const write = () => {
    timer = null;
    const snapshot = serialise(state);
    writing = writing
      .then(() => save(file, snapshot))
      .catch((error: unknown) => logger.error({ err: error, file }, 'sandbox state not written'));
    return writing;
  };
  state.onChange = () => {
    timer ??= setTimeout(write, WRITE_AFTER_MS);
  };
  return {
    async flush() {
      if (timer) {
        clearTimeout(timer);
        await write();
      } else await writing;
    },
  };
}

function serialise(state: SandboxState): StateFile {
  return {
    version: 1,
    sequence: state.lastSequence,
    lastTidMicros: String(state.lastTidMicros),
    posts: [...state.posts.values()].map((post) => ({
      ...post,
      receivedAt: post.receivedAt.toISOString(),
    })),
    figures: [...state.figureOverrides.entries()],
  };
}

async function load(file: string, logger: Logger): Promise<StateFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = StateFile.safeParse(json);
  if (parsed.success) return parsed.data;
  // A file from another version, or cut short: start empty rather than refuse to start.
  logger.warn({ file }, 'sandbox state file unreadable; starting empty');
  return null;
}

async function save(file: string, snapshot: StateFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(snapshot));
  // A rename replaces the file whole: a crash mid-write never leaves half a file.
  await rename(partial, file);
}
