// A read kept for a while: the status refreshes every 30 s, but a full hardware detection (GPU list,
// disks, nvidia-smi) is too heavy to repeat that often on a PC that is also gaming; GPUs rarely change.
// A failed read is not kept, so the next refresh tries again.

export function cachedFor<T>(maxAgeMs: number, now: () => Date, read: () => Promise<T>): () => Promise<T> {
  let value: { at: number; result: T } | null = null;
  let pending: Promise<T> | null = null;
  return () => {
    const at = now().getTime();
    if (value && at - value.at < maxAgeMs && at >= value.at) return Promise.resolve(value.result);
    if (!pending) {
      pending = read()
        .then((result) => ((value = { at: now().getTime(), result }), result))
        .finally(() => (pending = null));
    }
    return pending;
  };
}
