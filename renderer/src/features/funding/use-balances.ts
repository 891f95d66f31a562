import { useCallback, useEffect, useRef, useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import type { MethodOutput } from "../../../../common/contract";
import type { ContractError } from "../../../../common/envelope";

export type Balances = MethodOutput<"treasury.balances">;

export interface BalancesState {
  value: Balances | null;
  error: ContractError | null;
  reload(): void;
}

/**
 * treasury.balances, asked again every `intervalMs` while mounted (the funding step watches the
 * faucet or a transfer arrive). One request at a time: a slow chain never piles calls up.
 */
export function useBalances(api: ProviderApi, intervalMs: number): BalancesState {
  const [value, setValue] = useState<Balances | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const inFlight = useRef(false);
  const alive = useRef(true);

  const reload = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    api["treasury.balances"]().then(
      (envelope) => {
        inFlight.current = false;
        if (!alive.current) return;
        if (envelope.ok) {
          setValue(envelope.value);
          setError(null);
        } else setError(envelope.error);
      },
      () => {
        inFlight.current = false;
      },
    );
  }, [api]);

  useEffect(() => {
    alive.current = true;
    reload();
    const timer = intervalMs > 0 ? setInterval(reload, intervalMs) : null;
    return () => {
      alive.current = false;
      if (timer) clearInterval(timer);
    };
  }, [reload, intervalMs]);

  return { value, error, reload };
}
