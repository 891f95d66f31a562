// A settings change the engine's decisions depend on, made outside the bid engine (the desktop
// reserve and the tariff live in the hardware settings): once the change is saved, the running
// engine decides the open orders again, so an order declined as "insufficient_cpu" gets its bid as
// soon as the owner keeps less for themselves, not only when the next order arrives.
//
// The recheck is not awaited: the save answers at once (a recheck waits behind any block the engine
// is handling), and a failed recheck is logged, never turned into a failed save.

export function recheckAfter<I, O>(
  update: (input: I) => O | Promise<O>,
  recheck: () => Promise<void>,
  log: (line: string) => void,
): (input: I) => Promise<O> {
  return async (input) => {
    const saved = await update(input);
    recheck().catch((error: unknown) => log(`[bidengine] recheck after a settings change failed: ${error instanceof Error ? error.message : String(error)}`));
    return saved;
  };
}
