/**
 * Keeps the last-good snapshot on disk so a restarted relay serves data at once (marked stale until
 * the provider confirms it). Writes are atomic: a temporary file renamed over the old one, so a
 * crash mid-write never leaves a torn file. The file holds quotes only, never configuration.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { QuoteSchema } from './protocol.ts';

const FILE_NAME = 'snapshot.json';
const FORMAT_VERSION = 1;

const PersistedSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  provider: z.string(),
  seq: z.number().int().nonnegative(),
  saved_at: z.number(),
  quotes: z.array(QuoteSchema),
});
export type PersistedSnapshot = z.infer<typeof PersistedSchema>;

export async function saveSnapshot(dir: string, snapshot: Omit<PersistedSnapshot, 'version'>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, FILE_NAME);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ version: FORMAT_VERSION, ...snapshot }));
  await rename(temporary, target);
}

export type LoadResult =
  | { ok: true; snapshot: PersistedSnapshot }
  | { ok: false; reason: string };

/** Reads the persisted snapshot; a missing, corrupt or foreign file is a reason, never a throw. */
export async function loadSnapshot(dir: string, provider: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(join(dir, FILE_NAME), 'utf8');
  } catch {
    return { ok: false, reason: 'no persisted snapshot' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'persisted snapshot is not JSON' };
  }
  const parsed = PersistedSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `persisted snapshot is invalid: ${parsed.error.issues[0]?.message}` };
  // Quotes from another provider (or the simulator) would pass for real ones: refuse them.
  if (parsed.data.provider !== provider) return { ok: false, reason: `persisted snapshot is from provider ${parsed.data.provider}` };
  return { ok: true, snapshot: parsed.data };
}

