// Errors as the chain reports them: a codespace, a numeric code and a log line. Codes in the "sdk"
// codespace are Cosmos SDK's registered errors (types/errors/errors.go); module codes are the
// modules' own registrations, so clients that switch on (codespace, code) behave as on mainnet.
export class ChainError extends Error {
  constructor(
    readonly codespace: string,
    readonly code: number,
    readonly log: string,
  ) {
    super(log);
    this.name = "ChainError";
  }
}

export const sdkErr = {
  txDecode: (log: string) => new ChainError("sdk", 2, `tx parse error: ${log}`),
  invalidSequence: (expected: number, got: number) =>
    new ChainError("sdk", 32, `account sequence mismatch, expected ${expected}, got ${got}: incorrect account sequence`),
  unauthorized: (log: string) => new ChainError("sdk", 4, `${log}: unauthorized`),
  insufficientFunds: (log: string) => new ChainError("sdk", 5, `${log}: insufficient funds`),
  unknownRequest: (log: string) => new ChainError("sdk", 6, `${log}: unknown request`),
  invalidAddress: (log: string) => new ChainError("sdk", 7, `${log}: invalid address`),
  invalidCoins: (log: string) => new ChainError("sdk", 10, `${log}: invalid coins`),
  outOfGas: (wanted: number, used: number) =>
    new ChainError("sdk", 11, `out of gas in location: txSize; gasWanted: ${wanted}, gasUsed: ${used}: out of gas`),
  insufficientFee: (log: string) => new ChainError("sdk", 13, `${log}: insufficient fee`),
  invalidRequest: (log: string) => new ChainError("sdk", 18, `${log}: invalid request`),
  keyNotFound: (log: string) => new ChainError("sdk", 22, `rpc error: code = NotFound desc = ${log}: key not found`),
  invalidPubKey: (log: string) => new ChainError("sdk", 8, `${log}: invalid pubkey`),
  wrongChainOrAccount: (log: string) => new ChainError("sdk", 4, `signature verification failed; please verify account number (${log}): unauthorized`),
  notSupported: (log: string) => new ChainError("sdk", 37, `${log}: feature not supported`),
  mempoolFull: () => new ChainError("sdk", 20, "mempool is full"),
  txInMempool: () => new ChainError("sdk", 19, "tx already exists in cache"),
};

/** Module errors: codespace = module name, codes as registered in pkg.akt.dev/go/node/<module>. */
export function moduleErr(codespace: string, code: number, log: string): ChainError {
  return new ChainError(codespace, code, log);
}

export function asChainError(error: unknown): ChainError {
  if (error instanceof ChainError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ChainError("sdk", 1, `internal: ${message}`);
}
