/** A manifest that cannot become Kubernetes objects; the gateway answers it as an invalid manifest. */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly service?: string,
  ) {
    super(service ? `service ${service}: ${message}` : message);
    this.name = "BuildError";
  }
}
