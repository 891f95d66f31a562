/** Why the provider's wallet should hold little: it signs unattended, around the clock. */
export function HotWalletAdvice() {
  return (
    <aside className="advice" aria-label="Wallet advice">
      <p className="advice-title">Use a dedicated provider wallet</p>
      <p>
        This wallet signs bids and withdrawals on its own, at any hour, so its key lives on this machine. Keep in it only the bid deposits and fees
        the provider needs (the Funding step shows how much), and sweep earnings to your own cold wallet from Settings. Do not import the
        wallet that holds your savings.
      </p>
    </aside>
  );
}
