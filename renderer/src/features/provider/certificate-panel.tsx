import type { ProviderApi } from "../../../../common/api";
import type { MethodOutput } from "../../../../common/contract";
import { CallView } from "../../components/call-view";
import { ActionError } from "../wizard/action-error";
import { useCall } from "../../hooks/use-call";
import { TxResult } from "../treasury/tx-result";
import { useAction } from "../wizard/use-action";

// The provider's TLS certificate: tenants verify the gateway with it. Publishing makes a new P-256 key
// (kept in the wallet's keystore) and a self-signed certificate for the host, and revokes an older one.

export function CertificatePanel({ api, hostUri, hostOk, onPublished }: { api: ProviderApi; hostUri: string; hostOk: boolean; onPublished: () => void }) {
  const status = useCall(api, "cert.status");
  const publish = useAction<MethodOutput<"cert.publish">>();
  const send = async () => {
    if (await publish.run(() => api["cert.publish"]({ hostUri: hostUri.trim() }))) {
      status.reload();
      onPublished();
    }
  };
  return (
    <div className="stack" data-testid="certificate-panel">
      <CallView result={status} loadingLabel="Reading the certificates on chain…">
        {(value) => {
          const current = value.current;
          const valid = current?.onChain === "valid" && current.hasKey;
          return (
            <>
              <p role="status" className={valid ? "notice-ok" : undefined} data-testid="certificate-status">
                {valid
                  ? `Certificate ${current.serial} is valid on chain; its key is in this machine's keystore.`
                  : current
                    ? `Certificate ${current.serial} is ${current.onChain} on chain${current.hasKey ? "" : " and its key is not on this machine"}: publish a new one.`
                    : "No certificate yet. Tenants need one to verify this provider's gateway."}
              </p>
              <button type="button" className={valid ? "button" : "button button-primary"} disabled={publish.busy || !hostOk} onClick={() => void send()}>
                {publish.busy ? "Publishing the certificate…" : valid ? "Replace the certificate" : "Publish certificate"}
              </button>
              {!hostOk ? <p className="help">Enter a valid host URI above first: the certificate names that host.</p> : null}
            </>
          );
        }}
      </CallView>
      {publish.state.status === "done" ? <TxResult tx={publish.state.value.tx} what={`Certificate ${publish.state.value.serial} published`} /> : null}
      {publish.state.status === "error" ? <ActionError error={publish.state.error} /> : null}
    </div>
  );
}
