import type { ContractError } from "../../../common/envelope";

export interface ReadableError {
  /** One line that says what went wrong, in the user's terms. */
  title: string;
  /** The app's own message: specific, may name the method or field. */
  detail: string;
  /** Whether trying the same thing again can help (a dropped connection can; a bad input cannot). */
  retryable: boolean;
}

const TITLES: Record<ContractError["code"], { title: string; retryable: boolean }> = {
  TRANSPORT: { title: "Cannot reach the app.", retryable: true },
  UNAUTHORIZED: { title: "This page's access token is missing or no longer valid. Open the dashboard with the link the app printed.", retryable: false },
  INVALID_INPUT: { title: "The app refused the request.", retryable: false },
  INVALID_OUTPUT: { title: "The app gave an answer it should not have: this is a bug.", retryable: true },
  INTERNAL: { title: "Something went wrong inside the app.", retryable: true },
  UNKNOWN_METHOD: { title: "This window and the app are different versions: reload the window.", retryable: false },
  NOT_FOUND: { title: "Not found.", retryable: false },
  UNAVAILABLE: { title: "Not available right now.", retryable: true },
  CONFLICT: { title: "That conflicts with the app's current state.", retryable: true },
};

/** Turns an error envelope (or anything else that was thrown) into text fit for the screen. */
export function describeError(error: unknown): ReadableError {
  if (isContractError(error)) {
    const known = TITLES[error.code];
    return { title: known.title, detail: withoutTitle(error.message, known.title), retryable: known.retryable };
  }
  const detail = error instanceof Error ? error.message : typeof error === "string" ? error : "Unknown error.";
  return { title: "Something went wrong in this window.", detail, retryable: true };
}

function isContractError(value: unknown): value is ContractError {
  if (!value || typeof value !== "object") return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return typeof code === "string" && Object.hasOwn(TITLES, code) && typeof message === "string";
}

// "Cannot reach the app: fetch failed" under the title "Cannot reach the app." says it twice.
function withoutTitle(message: string, title: string): string {
  const stem = title.replace(/\.$/, "");
  if (!message.toLowerCase().startsWith(stem.toLowerCase())) return message;
  const rest = message.slice(stem.length).replace(/^[\s:.,-]+/, "");
  return rest.length > 0 ? rest : message;
}
