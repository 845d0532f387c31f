// Long work (parsing and profiling a 19 MB table) is written as a generator that yields
// between slices: run synchronously by the CLI and the tests (drain), stepped by the
// language server, which answers hovers between slices and drops the work once the
// document has moved on.

/** Runs steps to the end and returns their result. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
