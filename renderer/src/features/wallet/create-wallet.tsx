import { useState } from "react";
import type { ProviderApi } from "../../../../common/api";
import type { WalletCreated, WalletStatus } from "../../../../common/wallet-schemas";
import { ActionError } from "../wizard/action-error";
import { useAction } from "../wizard/use-action";
import { newPassphraseProblem } from "./passphrase";
import { PassphraseFields } from "./passphrase-fields";

// Create: the 24 words are shown once, then hidden for good; the user types back the words at the
// positions the app chose, and only then does the app write the keystore (wallet.confirmBackup).

type Phase = { kind: "start" } | { kind: "words"; created: WalletCreated; saved: boolean } | { kind: "quiz"; positions: number[] };

export function CreateWallet({ api, status, onDone }: { api: ProviderApi; status: WalletStatus; onDone: (status: WalletStatus) => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: "start" });
  const [answers, setAnswers] = useState<Record<number, string>>({});
  const [pass, setPass] = useState({ value: "", confirm: "" });
  const create = useAction<WalletCreated>();
  const confirm = useAction<WalletStatus>();

  const start = async () => {
    confirm.reset();
    setAnswers({});
    const created = await create.run(() => api["wallet.create"]());
    if (created) setPhase({ kind: "words", created, saved: false });
  };

  if (phase.kind === "start") {
    return (
      <div className="wallet-panel">
        {status.state === "backup-pending" ? (
          <p className="notice">A new wallet was started but its backup was never confirmed, so nothing was saved. Start again to get new words.</p>
        ) : null}
        <p>The app makes a new 24-word recovery phrase. You will see it once: have paper and a pen ready.</p>
        <button type="button" className="button button-primary" disabled={create.busy} onClick={() => void start()}>
          {create.busy ? "Creating…" : "Create a new wallet"}
        </button>
        {create.state.status === "error" ? <ActionError error={create.state.error} onRetry={() => void start()} /> : null}
      </div>
    );
  }

  if (phase.kind === "words") {
    const { created, saved } = phase;
    return (
      <div className="wallet-panel" data-testid="recovery-words">
        <div className="warning" role="note">
          <strong>Write these 24 words down, in order, and keep them offline.</strong> They are the only way to restore this wallet. The app shows them
          this once and never again; anyone who sees them can take the provider's funds.
        </div>
        <ol className="word-grid" aria-label="Recovery words">
          {created.words.map((word, index) => (
            <li key={index} className="word" data-position={index + 1}>
              <span className="word-index">{index + 1}</span>
              <span className="word-text">{word}</span>
            </li>
          ))}
        </ol>
        <div className="field field-check">
          <input id="words-saved" type="checkbox" checked={saved} onChange={(e) => setPhase({ kind: "words", created, saved: e.target.checked })} />
          <label htmlFor="words-saved">I have written down all 24 words, in order</label>
        </div>
        <button type="button" className="button button-primary" disabled={!saved} onClick={() => setPhase({ kind: "quiz", positions: created.confirmPositions })}>
          Hide the words and check my backup
        </button>
      </div>
    );
  }

  const problem = status.needsPassphrase ? newPassphraseProblem(pass.value, pass.confirm) : null;
  const complete = phase.positions.every((p) => (answers[p] ?? "").trim() !== "");
  const submit = async () => {
    const result = await confirm.run(() =>
      api["wallet.confirmBackup"]({
        answers: phase.positions.map((position) => ({ position, word: (answers[position] ?? "").trim().toLowerCase() })),
        ...(status.needsPassphrase ? { passphrase: pass.value } : {}),
      }),
    );
    if (result) onDone(result);
  };
  return (
    <form
      className="wallet-panel form"
      data-testid="backup-quiz"
      onSubmit={(e) => {
        e.preventDefault();
        if (complete && !problem) void submit();
      }}
    >
      <p>Type the words at these positions from what you wrote down. Nothing is saved until they match.</p>
      <div className="quiz">
        {phase.positions.map((position) => (
          <div className="field" key={position}>
            <label htmlFor={`quiz-${position}`}>Word #{position}</label>
            <input
              id={`quiz-${position}`}
              className="input"
              autoComplete="off"
              spellCheck={false}
              value={answers[position] ?? ""}
              onChange={(e) => setAnswers({ ...answers, [position]: e.target.value })}
            />
          </div>
        ))}
      </div>
      {status.needsPassphrase ? <PassphraseFields idPrefix="create" value={pass.value} confirm={pass.confirm} onChange={(value, c) => setPass({ value, confirm: c })} /> : null}
      {confirm.state.status === "error" ? <ActionError error={confirm.state.error} /> : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={!complete || problem !== null || confirm.busy}>
          {confirm.busy ? "Encrypting the wallet…" : "Confirm backup and create the wallet"}
        </button>
        <button type="button" className="button" disabled={confirm.busy || create.busy} onClick={() => void start()}>
          Lost the words? Start over with new ones
        </button>
      </div>
    </form>
  );
}
