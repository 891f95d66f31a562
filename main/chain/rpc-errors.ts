/** The node answered, with a JSON-RPC error (e.g. "tx not found"): the endpoint is fine, the request is not. */
export class RpcResponseError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: string | undefined,
    readonly endpoint: string,
  ) {
    super(data ? `${message}: ${data}` : message);
    this.name = "RpcResponseError";
  }
}

/** No endpoint could answer (all down, stalled or backing off). */
export class RpcUnavailableError extends Error {
  constructor(
    message: string,
    readonly attempts: { url: string; error: string }[],
  ) {
    super(message);
    this.name = "RpcUnavailableError";
  }
}
