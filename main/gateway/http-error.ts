/** An answer with a status and a plain-text body, as provider-services' http.Error writes it. */
export class GatewayHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "GatewayHttpError";
  }
}
