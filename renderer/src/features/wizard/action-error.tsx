import type { ContractError } from "../../../../common/envelope";
import { ErrorMessage } from "../../components/error-message";

/**
 * An action's error. The wallet answers UNAUTHORIZED for a wrong passphrase or a locked wallet; the
 * generic title for that code talks about the page's access token, which would send the user looking
 * in the wrong place, so here the app's own message is the title.
 */
export function ActionError({ error, onRetry }: { error: ContractError; onRetry?: () => void }) {
  if (error.code !== "UNAUTHORIZED") return <ErrorMessage error={error} onRetry={onRetry} />;
  return (
    <div className="error" role="alert">
      <p className="error-title">{error.message}</p>
    </div>
  );
}
