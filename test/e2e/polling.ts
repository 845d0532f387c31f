// Polling waits for the scripts that drive the workbench from outside (screenshots):
// never a fixed sleep, always a bounded wait for what the picture needs.
import { delay } from './launch';

/** Polls `check` (in Node) every `stepMs` until it returns a truthy value; throws after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T>, timeoutMs = 30_000, stepMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await delay(stepMs);
  }
}

/** Waits until `read` returns the same non-empty value `times` polls in a row (bounded). */
export async function waitStable(what: string, read: () => Promise<string>, times = 5, timeoutMs = 15_000): Promise<string> {
  let last = '';
  let same = 0;
  return waitFor(what, async () => {
    const now = await read();
    same = now && now === last ? same + 1 : 0;
    last = now;
    return same >= times ? now : undefined;
  }, timeoutMs, 200);
}

