import { AuthInfo, TxBody, TxRaw } from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import { sdkErr } from "./errors";
import type { MsgHandler } from "./types";

export interface DecodedMsg {
  handler: MsgHandler;
  msg: unknown;
  typeUrl: string;
}

export interface DecodedTx {
  raw: Uint8Array;
  bodyBytes: Uint8Array;
  authInfoBytes: Uint8Array;
  signatures: Uint8Array[];
  body: TxBody;
  authInfo: AuthInfo;
  msgs: DecodedMsg[];
  /** Unique signers in order of first appearance (GetSigners over all messages). */
  signers: string[];
  gasLimit: number;
}

const MAX_TX_BYTES = 1024 * 1024;

/** TxRaw → body, auth info and typed messages; anything malformed is sdk code 2 (or 6 for an unknown type). */
export function decodeTx(raw: Uint8Array, handlers: ReadonlyMap<string, MsgHandler>): DecodedTx {
  if (raw.length === 0) throw sdkErr.txDecode("empty transaction");
  if (raw.length > MAX_TX_BYTES) throw sdkErr.txDecode(`tx too large: ${raw.length} bytes`);
  let txRaw: TxRaw;
  let body: TxBody;
  let authInfo: AuthInfo;
  try {
    txRaw = TxRaw.decode(raw);
    body = TxBody.decode(txRaw.bodyBytes);
    authInfo = AuthInfo.decode(txRaw.authInfoBytes);
  } catch (error) {
    throw sdkErr.txDecode(error instanceof Error ? error.message : String(error));
  }
  if (body.messages.length === 0) throw sdkErr.invalidRequest("must contain at least one message");
  const msgs: DecodedMsg[] = body.messages.map((any) => {
    const handler = handlers.get(any.typeUrl);
    if (!handler) throw sdkErr.unknownRequest(`unrecognized message type: ${any.typeUrl}`);
    let msg: unknown;
    try {
      msg = handler.decode(any.value);
    } catch (error) {
      throw sdkErr.txDecode(`${any.typeUrl}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { handler, msg, typeUrl: any.typeUrl };
  });
  const signers: string[] = [];
  for (const { handler, msg } of msgs) {
    for (const signer of handler.signers(msg)) if (!signers.includes(signer)) signers.push(signer);
  }
  const gas = authInfo.fee?.gasLimit;
  const gasLimit = gas ? Number(gas.toString()) : 0;
  return {
    raw,
    bodyBytes: txRaw.bodyBytes,
    authInfoBytes: txRaw.authInfoBytes,
    signatures: txRaw.signatures,
    body,
    authInfo,
    msgs,
    signers,
    gasLimit,
  };
}

/** Deterministic gas: the same for simulate and deliver, so cosmjs's "auto" fee always suffices. */
export function gasFor(tx: DecodedTx): number {
  const perByte = 10 * (tx.raw.length + 64 * Math.max(0, tx.signers.length - tx.signatures.filter((s) => s.length > 0).length));
  return 30_000 + perByte + 1_000 * tx.signers.length + tx.msgs.reduce((sum, m) => sum + m.handler.gas, 0);
}
