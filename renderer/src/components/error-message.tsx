import { describeError } from "../format/error";

/** An error envelope as a readable message, with "Try again" when another try can help. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const readable = describeError(error);
  return (
    <div className="error" role="alert">
      <p className="error-title">{readable.title}</p>
      {readable.detail && readable.detail !== readable.title ? <p className="error-detail">{readable.detail}</p> : null}
      {onRetry && readable.retryable ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
