import type { PrismaClient } from "@/lib/db/prisma";

/**
 * Reference data that pages read on every request but that changes a few times a year — the
 * working-day calendar and the administrator's settings — held once per process
 * (docs/decisions/0031-per-request-and-per-process-caches.md):
 *
 * - a change made through this process (lib/server/calendar/*, lib/server/settings/change-setting.ts)
 *   calls referenceDataChanged() once it has committed, so this instance's next request reads it;
 * - another instance's change is read here within REFERENCE_DATA_MAX_AGE_MS.
 *
 * Only for reads outside a transaction: the type takes the root client, never a transaction's, and
 * every use-case that stores due dates reads the calendar and settings inside its own transaction
 * (loadCalendar(tx), loadDeadlineSettings(tx)), so nothing stale is ever written.
 * Keyed by client, so each database (each test database) has its own entries.
 */
export const REFERENCE_DATA_MAX_AGE_MS = 10_000;

interface Entry {
  value: Promise<unknown>;
  loadedAt: number;
  generation: number;
}

// On globalThis: one state per process, whichever route's bundle the change and the read come from.
const state = ((globalThis as typeof globalThis & { __sesReferenceData?: { entriesByClient: WeakMap<object, Map<string, Entry>>; generation: number } }).__sesReferenceData ??= {
  entriesByClient: new WeakMap(),
  generation: 0,
});

/** Call after a change to the calendar or the settings has committed: this process reads them again. */
export function referenceDataChanged(): void {
  state.generation++;
}

/** The value of `load()` for this client and key, loaded at most once per max age (or change). */
export function cachedReferenceData<T>(db: PrismaClient, key: string, load: () => Promise<T>, now: number = Date.now()): Promise<T> {
  let entries = state.entriesByClient.get(db);
  if (!entries) {
    entries = new Map();
    state.entriesByClient.set(db, entries);
  }
  const held = entries.get(key);
  if (held && held.generation === state.generation && now - held.loadedAt < REFERENCE_DATA_MAX_AGE_MS && now >= held.loadedAt) return held.value as Promise<T>;
  // Stamped with the generation it started in: a change committed while it loads makes it stale at once.
  const entry: Entry = { value: load(), loadedAt: now, generation: state.generation };
  entries.set(key, entry);
  const own = entries;
  entry.value.catch(() => {
    if (own.get(key) === entry) own.delete(key);
  });
  return entry.value as Promise<T>;
}
