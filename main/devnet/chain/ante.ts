import { fromBase64, toBase64 } from "@cosmjs/encoding";
import { makeSignBytes } from "@cosmjs/proto-signing";
import type { AuthModule } from "../modules/auth";
import { decodeSecp256k1PubKey } from "../modules/auth";
import type { BankModule } from "../modules/bank";
import { addressFromPubkey, checkAddress } from "../util/address";
import { verifySecp256k1 } from "../util/secp256k1-verify";
import { sdkErr } from "./errors";
import { plainEvent } from "./events";
import type { DecodedTx } from "./tx-decode";
import type { AbciEvent } from "./types";

export interface AnteConfig {
  chainId: string;
  feeDenom: string;
  /** Minimum gas price numerator/denominator (0.0025 uakt/gas = 25/10000). */
  minGasPrice: { num: bigint; den: bigint };
  feeCollector: string;
}

export const SIGN_MODE_DIRECT = 1;

/**
 * The ante handler: signer accounts exist, public keys match, SIGN_MODE_DIRECT signatures verify
 * against (chain id, account number, sequence), the fee is enough and is paid, sequences advance.
 * In simulate mode signatures are not checked and the fee is not required, as in baseapp.
 */
export function runAnte(tx: DecodedTx, auth: AuthModule, bank: BankModule, config: AnteConfig, simulate: boolean): AbciEvent[] {
  const infos = tx.authInfo.signerInfos;
  if (infos.length !== tx.signers.length) {
    throw sdkErr.unauthorized(`wrong number of signers; expected ${tx.signers.length}, got ${infos.length}`);
  }
  if (!simulate && tx.signatures.length !== tx.signers.length) {
    throw sdkErr.unauthorized(`invalid number of signatures; expected: ${tx.signers.length}, got ${tx.signatures.length}`);
  }
  for (const signer of tx.signers) checkAddress(signer, "signer");

  const events: AbciEvent[] = [];
  const fee = tx.authInfo.fee;
  const coins = fee?.amount ?? [];
  let feeAmount = 0n;
  for (const coin of coins) {
    if (coin.denom !== config.feeDenom) throw sdkErr.insufficientFee(`fee denom ${coin.denom} not accepted; use ${config.feeDenom}`);
    if (!/^\d{1,40}$/.test(coin.amount)) throw sdkErr.invalidCoins(`invalid fee amount "${coin.amount}"`);
    feeAmount += BigInt(coin.amount);
  }
  if (!simulate) {
    const required = (BigInt(tx.gasLimit) * config.minGasPrice.num + config.minGasPrice.den - 1n) / config.minGasPrice.den;
    if (feeAmount < required) {
      throw sdkErr.insufficientFee(`insufficient fees; got: ${feeAmount}${config.feeDenom} required: ${required}${config.feeDenom}`);
    }
  }
  // The fee payer must be one of the signers (fee grants are not supported here).
  const payer = tx.authInfo.fee?.payer || tx.signers[0];
  if (!payer) throw sdkErr.unauthorized("no signers");
  if (!tx.signers.includes(payer)) throw sdkErr.unauthorized(`fee payer ${payer} is not a signer`);
  if (tx.authInfo.fee?.granter) throw sdkErr.notSupported("fee grants are not supported by the devnet");
  const payerAccount = auth.get(payer);
  if (!payerAccount) throw sdkErr.unknownRequest(`fee payer address: ${payer} does not exist`);
  if (feeAmount > 0n) {
    const have = bank.balance(payer, config.feeDenom);
    if (have < feeAmount) {
      throw sdkErr.insufficientFunds(`spendable balance ${have}${config.feeDenom} is smaller than ${feeAmount}${config.feeDenom}: insufficient funds to pay for fees`);
    }
    bank.transfer(payer, config.feeCollector, config.feeDenom, feeAmount);
  }
  events.push(plainEvent("tx", { fee: feeAmount > 0n ? `${feeAmount}${config.feeDenom}` : "", fee_payer: payer }));

  tx.signers.forEach((signer, i) => {
    const info = infos[i];
    const account = auth.get(signer);
    if (!info || !account) throw sdkErr.unknownRequest(`account ${signer} not found`);
    const pubkey = decodeSecp256k1PubKey(info.publicKey) ?? (account.pubkey ? fromBase64(account.pubkey) : undefined);
    if (!pubkey) throw sdkErr.invalidPubKey(`pubkey on account is not set`);
    if (addressFromPubkey(pubkey) !== signer) throw sdkErr.invalidPubKey(`pubKey does not match signer address ${signer} with signer index: ${i}`);
    if (account.pubkey && account.pubkey !== toBase64(pubkey)) throw sdkErr.invalidPubKey("pubkey does not match the account's stored key");
    const sequence = Number(info.sequence.toString());
    if (sequence !== account.sequence) throw sdkErr.invalidSequence(account.sequence, sequence);
    const single = info.modeInfo?.single;
    if (!simulate) {
      if (!single || single.mode !== SIGN_MODE_DIRECT) throw sdkErr.notSupported("only SIGN_MODE_DIRECT single signatures are supported");
      const signature = tx.signatures[i] ?? new Uint8Array();
      const signBytes = makeSignBytes({
        bodyBytes: tx.bodyBytes,
        authInfoBytes: tx.authInfoBytes,
        chainId: config.chainId,
        accountNumber: BigInt(account.accountNumber),
      });
      if (!verifySecp256k1(signature, signBytes, pubkey)) {
        throw sdkErr.unauthorized(
          `signature verification failed; please verify account number (${account.accountNumber}), sequence (${account.sequence}) and chain-id (${config.chainId})`,
        );
      }
    }
    auth.update(signer, { sequence: account.sequence + 1, pubkey: toBase64(pubkey) });
    events.push(plainEvent("tx", { acc_seq: `${signer}/${account.sequence}` }));
    if (!simulate) events.push(plainEvent("tx", { signature: toBase64(tx.signatures[i] ?? new Uint8Array()) }));
  });
  return events;
}
