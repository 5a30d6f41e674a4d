import { cacheSignal } from "react";

/**
 * Lets a finished render's memory go: React aborts each render's cache signal, once the render has
 * been written out, with an `Error` whose stack is never read (react-server-dom's
 * `flushCompletedChunks`). V8 keeps an unread stack as structured call sites, and those keep the
 * frames' receivers reachable — the `setImmediate` callbacks of the render and, through their
 * AsyncLocalStorage stores, the requests and responses that overlapped it — for as long as the
 * render itself is reachable, which a keep-alive socket's store keeps it. Measured under 20
 * connections on the work queue: the heap left after each full collection grew by ~57 KB a
 * request without end (docs/decisions/0036-a-finished-render-retained-by-its-abort-reason.md).
 * Reading the stack once, as the signal aborts, replaces the call sites with the formatted string.
 * Called by the root layout, so once per render.
 */
export function releaseFinishedRender(): void {
  // On the server the cache signal is an AbortSignal (React's own typing leaves it empty).
  const signal = cacheSignal() as AbortSignal | null;
  signal?.addEventListener(
    "abort",
    () => {
      const reason: unknown = signal.reason;
      if (reason instanceof Error) void reason.stack;
    },
    { once: true },
  );
}
