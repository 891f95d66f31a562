import type { Handlers } from "../../common/contract";
import type { NetworkId } from "../../common/schemas";
import type { WalletRegistry } from "./wallet-registry";

type WalletMethods =
  | "wallet.status"
  | "wallet.create"
  | "wallet.confirmBackup"
  | "wallet.import"
  | "wallet.importBackup"
  | "wallet.unlock"
  | "wallet.lock"
  | "wallet.changePassphrase"
  | "wallet.exportBackup";

/** The wallet's contract methods, always acting on the currently selected network's wallet. */
export function walletHandlers(wallets: WalletRegistry, network: () => NetworkId): Pick<Handlers, WalletMethods> {
  const current = () => wallets.for(network());
  return {
    "wallet.status": () => current().status(),
    "wallet.create": () => current().create(),
    "wallet.confirmBackup": (input) => current().confirmBackup(input.answers, input.passphrase),
    "wallet.import": (input) => current().import(input.mnemonic, input.passphrase),
    "wallet.importBackup": (input) => current().importBackup(input.content, input.backupPassphrase, input.passphrase),
    "wallet.unlock": (input) => current().unlock(input?.passphrase),
    "wallet.lock": () => current().lock(),
    "wallet.changePassphrase": (input) => current().changePassphrase(input.current, input.next),
    "wallet.exportBackup": (input) => current().exportBackup(input.passphrase),
  };
}
