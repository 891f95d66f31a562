import { useState } from "react";
import type { ChainTx } from "../../../../common/chain-schemas";
import { useAction, type Action } from "../wizard/use-action";

/** A money-moving action's lifecycle: edit → preview → send → result (tx hash) or error. */
export function useTxAction(): { previewing: boolean; setPreviewing: (on: boolean) => void; action: Action<ChainTx | null> } {
  const [previewing, setPreviewing] = useState(false);
  const action = useAction<ChainTx | null>();
  return { previewing, setPreviewing, action };
}

export type { ChainTx };
