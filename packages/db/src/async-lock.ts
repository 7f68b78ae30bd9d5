/**
 * A first-come, first-served async lock: `const release = await acquire(); … release();`.
 * Each caller waits for the previous holder's release.
 */
export function createLock(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve();
  return function acquire() {
    const previous = tail;
    let release: () => void = () => {};
    tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    return previous.then(() => release);
  };
}
