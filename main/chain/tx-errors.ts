import { ContractFailure } from "../../common/envelope";

// What a chain rejection means for the user, by SDK error code (codespace "sdk"). The raw log is kept
// in the transaction record; the message says what to do.

export const SDK_INSUFFICIENT_FUNDS = 5;
export const SDK_OUT_OF_GAS = 11;
export const SDK_INSUFFICIENT_FEE = 13;
export const SDK_TX_IN_MEMPOOL = 19;
export const SDK_WRONG_SEQUENCE = 32;

/** The signer's sequence moved (another wallet instance, or a tx we did not see): refresh and retry once. */
export class SequenceMismatch extends Error {
  constructor(readonly log: string) {
    super(`account sequence mismatch: ${log}`);
    this.name = "SequenceMismatch";
  }
}

export function isSequenceMismatch(codespace: string | undefined, code: number, log: string): boolean {
  return ((codespace ?? "sdk") === "sdk" && code === SDK_WRONG_SEQUENCE) || /incorrect account sequence|account sequence mismatch/iu.test(log);
}

export function rejection(kind: string, codespace: string | undefined, code: number, log: string, signer: string): ContractFailure {
  const space = codespace || "sdk";
  if (space === "sdk" && code === SDK_INSUFFICIENT_FUNDS) {
    return new ContractFailure("CONFLICT", `Not enough funds for ${kind}: the wallet ${signer} cannot pay the amount plus the fee. Add AKT to it and try again. (${log})`);
  }
  if (space === "sdk" && code === SDK_INSUFFICIENT_FEE) {
    return new ContractFailure("CONFLICT", `The network asked for a higher fee than offered for ${kind}. Try again; if it keeps happening, raise the gas price in Settings. (${log})`);
  }
  if (space === "sdk" && code === SDK_OUT_OF_GAS) {
    return new ContractFailure("CONFLICT", `${kind} ran out of gas on chain (the fee was still charged). Try again; the app will estimate more gas. (${log})`);
  }
  return new ContractFailure("CONFLICT", `The chain rejected ${kind} (${space} ${code}): ${log}`);
}
