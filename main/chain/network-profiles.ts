import type { ChainInfo, FeeCurrency } from "@keplr-wallet/types";
import type { NetworkId } from "../../common/schemas";

// The three networks the app knows, as Keplr ChainInfo plus what the app needs beyond it: several
// CometBFT RPC endpoints for the pool (PROTOCOL.md §4) and gas prices as exact decimal strings
// (Keplr's gasPriceStep is numeric; fee arithmetic here never touches floats).

export interface GasPrices {
  low: string;
  average: string;
  high: string;
}

export interface NetworkProfile {
  id: NetworkId;
  chainInfo: ChainInfo;
  /** CometBFT RPC endpoints, preferred first; the pool re-ranks them by health and latency. */
  rpcEndpoints: readonly string[];
  /** Gas prices in uakt per gas unit, from the network's fee_tokens (meta.json). */
  gasPrices: GasPrices;
  faucetUrl: string | null;
  explorerTxUrl: string | null;
}

export const AKT = { coinDenom: "AKT", coinMinimalDenom: "uakt", coinDecimals: 6, coinGeckoId: "akash-network" } as const;
/** ACT cannot be sent with bank send since v2.0.0 (SetSendEnabled(uact,false)). */
export const ACT = { coinDenom: "ACT", coinMinimalDenom: "uact", coinDecimals: 6, nonTransferable: true } as const;
export const AKASH_GAS_PRICES: GasPrices = { low: "0.00025", average: "0.0025", high: "0.025" };
export const LOCAL_DEFAULT_RPC = "http://127.0.0.1:26657";
export const LOCAL_CHAIN_ID = "akash-devnet-1";

function feeCurrency(prices: GasPrices): FeeCurrency {
  return { ...AKT, gasPriceStep: { low: Number(prices.low), average: Number(prices.average), high: Number(prices.high) } };
}

function chainInfo(chainId: string, chainName: string, rpc: string, rest: string, prices: GasPrices, isTestnet: boolean): ChainInfo {
  return {
    chainId,
    chainName,
    rpc,
    rest,
    bip44: { coinType: 118 },
    bech32Config: {
      bech32PrefixAccAddr: "akash",
      bech32PrefixAccPub: "akashpub",
      bech32PrefixValAddr: "akashvaloper",
      bech32PrefixValPub: "akashvaloperpub",
      bech32PrefixConsAddr: "akashvalcons",
      bech32PrefixConsPub: "akashvalconspub",
    },
    stakeCurrency: AKT,
    currencies: [AKT, ACT],
    feeCurrencies: [feeCurrency(prices)],
    isTestnet,
  };
}

const MAINNET_RPC = [
  "https://rpc.akashnet.net:443",
  "https://akash-rpc.polkachu.com:443",
  "https://rpc.akt.dev/rpc",
  "https://akash-rpc.publicnode.com:443",
];

const SANDBOX_RPC = ["https://rpc.sandbox-2.aksh.pw:443"];

export interface LocalOverrides {
  /** Where the devnet listens (its port is chosen at start). */
  rpc?: string;
  chainId?: string;
}

export function networkProfile(id: NetworkId, local: LocalOverrides = {}): NetworkProfile {
  switch (id) {
    case "akashnet-2":
      return {
        id,
        chainInfo: chainInfo("akashnet-2", "Akash", MAINNET_RPC[0]!, "https://api.akashnet.net:443", AKASH_GAS_PRICES, false),
        rpcEndpoints: MAINNET_RPC,
        gasPrices: AKASH_GAS_PRICES,
        faucetUrl: null,
        explorerTxUrl: "https://stats.akash.network/transactions/{txHash}",
      };
    case "sandbox-2":
      return {
        id,
        chainInfo: chainInfo("sandbox-2", "Akash Sandbox", SANDBOX_RPC[0]!, "https://api.sandbox-2.aksh.pw:443", AKASH_GAS_PRICES, true),
        rpcEndpoints: SANDBOX_RPC,
        gasPrices: AKASH_GAS_PRICES,
        faucetUrl: "http://faucet.sandbox-2.aksh.pw/",
        explorerTxUrl: "https://explorer.sandbox-2.aksh.pw/akash/tx/{txHash}",
      };
    case "local": {
      const rpc = local.rpc ?? LOCAL_DEFAULT_RPC;
      return {
        id,
        chainInfo: chainInfo(local.chainId ?? LOCAL_CHAIN_ID, "Akash local devnet", rpc, rpc, AKASH_GAS_PRICES, true),
        rpcEndpoints: [rpc],
        gasPrices: AKASH_GAS_PRICES,
        faucetUrl: null,
        explorerTxUrl: null,
      };
    }
  }
}
