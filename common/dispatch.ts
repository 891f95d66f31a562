import type { z } from "zod";
import { methods, type Handlers } from "./contract";
import { ContractFailure, fail, ok, type Envelope } from "./envelope";
import { isMethodName } from "./names";

// Transport-neutral call handling: validate the input, call the service, validate the output, wrap
// everything in an envelope. Never throws.

export interface DispatchOptions {
  /** Where unexpected errors go (with their stack); the caller only sees a generic message. */
  onInternalError?: (method: string, error: unknown) => void;
}

export async function dispatch(
  handlers: Handlers,
  method: unknown,
  input: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return fail("UNKNOWN_METHOD", `Unknown method: ${describe(method)}`);
  }
  const spec = methods[method];
  const parsedInput = spec.input.safeParse(input);
  if (!parsedInput.success) {
    return fail("INVALID_INPUT", `Invalid input for ${method}: ${summarize(parsedInput.error)}`);
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await handler(parsedInput.data);
    const parsedOutput = spec.output.safeParse(value);
    if (!parsedOutput.success) {
      options.onInternalError?.(method, parsedOutput.error);
      return fail("INVALID_OUTPUT", `The app produced an invalid result for ${method}.`);
    }
    return ok(parsedOutput.data);
  } catch (error) {
    if (error instanceof ContractFailure) return fail(error.code, error.message);
    options.onInternalError?.(method, error);
    return fail("INTERNAL", `Internal error in ${method}.`);
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 80));
  return typeof value;
}

export function summarize(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
}
