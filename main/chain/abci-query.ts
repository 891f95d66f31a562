import { ContractFailure } from "../../common/envelope";
import type { RpcPool } from "./rpc-pool";

// Chain queries over CometBFT `abci_query`: the gRPC method path, the request protobuf (hex in the
// JSON-RPC params), the response protobuf (base64 `value`). One transport that the devnet and every
// public node serve. The message types are chain-sdk's ts-proto generated ones.

export interface ProtoType<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
  fromPartial(object: never): T;
}

/** The node answered the query with an error code (e.g. NotFound). */
export class ChainQueryError extends Error {
  constructor(
    readonly path: string,
    readonly code: number,
    readonly codespace: string,
    readonly log: string,
  ) {
    super(`${path} failed (${codespace || "abci"} ${code}): ${log}`);
    this.name = "ChainQueryError";
  }

  /** gRPC NotFound (code 5 from the query router), or the SDK's key-not-found (sdk 38) variants. */
  get notFound(): boolean {
    return /not found/iu.test(this.log) || (this.codespace === "sdk" && this.code === 38);
  }
}

interface AbciQueryResult {
  response?: { code?: number; log?: string; codespace?: string; value?: string | null; height?: string };
}

export async function abciQuery<Req, Res>(
  pool: RpcPool,
  path: string,
  requestType: ProtoType<Req>,
  request: Partial<Req>,
  responseType: ProtoType<Res>,
): Promise<Res> {
  const bytes = requestType.encode(requestType.fromPartial(request as never)).finish();
  const result = await pool.call<AbciQueryResult>("abci_query", { path, data: Buffer.from(bytes).toString("hex"), prove: false });
  const response = result?.response;
  if (!response) throw new ContractFailure("UNAVAILABLE", `The node gave no answer to ${path}.`);
  const code = Number(response.code ?? 0);
  if (code !== 0) throw new ChainQueryError(path, code, response.codespace ?? "", response.log ?? "");
  const value = response.value ? Buffer.from(response.value, "base64") : new Uint8Array();
  try {
    return responseType.decode(value);
  } catch (error) {
    throw new ContractFailure("UNAVAILABLE", `The node's answer to ${path} could not be decoded (${(error as Error).message}).`);
  }
}
