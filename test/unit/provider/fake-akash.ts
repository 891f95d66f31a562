import { X509Certificate } from "node:crypto";
import {
  Cert_State,
  MsgBurnACT,
  MsgCreateCertificate,
  MsgRevokeCertificate,
  QueryCertificatesRequest,
  QueryCertificatesResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCreateProvider, MsgUpdateProvider, QueryProviderRequest, QueryProviderResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import {
  MsgDelegate,
  MsgSend,
  MsgWithdrawDelegatorReward,
  QueryAllBalancesRequest,
  QueryAllBalancesResponse,
  QueryDelegationTotalRewardsResponse,
  QueryDelegatorDelegationsResponse,
  QueryValidatorsResponse,
} from "@akashnetwork/chain-sdk/private-types/cosmos.v1beta1";
import type { FakeChain } from "../chain/fake-chain";

// The Akash modules the provider services touch, applied for real to a small in-memory state behind
// the fake chain: provider records, certificates, bank, staking, BME burns. Enough to check that the
// messages the services send do what they mean; the devnet tests cover the real module logic.

export interface AkashState {
  providers: Map<string, { owner: string; hostUri: string; attributes: { key: string; value: string }[]; info: { email: string; website: string } }>;
  certs: { owner: string; serial: string; state: Cert_State; cert: Uint8Array; pubkey: Uint8Array }[];
  balances: Map<string, Map<string, bigint>>;
  delegations: Map<string, bigint>;
  rewards: Map<string, string>;
  burns: { owner: string; amount: string }[];
  validators: { operatorAddress: string; moniker: string; rate: string; tokens: string; jailed: boolean }[];
}

export function installAkash(chain: FakeChain): AkashState {
  const state: AkashState = { providers: new Map(), certs: [], balances: new Map(), delegations: new Map(), rewards: new Map(), burns: [], validators: [] };
  const bank = (addr: string) => state.balances.get(addr) ?? state.balances.set(addr, new Map()).get(addr)!;

  chain.queries.set("/akash.provider.v1beta4.Query/Provider", (data) => {
    const { owner } = QueryProviderRequest.decode(data);
    const p = state.providers.get(owner);
    if (!p) return { code: 22, log: `rpc error: code = NotFound desc = invalid provider: ${owner}: provider not found` };
    return QueryProviderResponse.encode(QueryProviderResponse.fromPartial({ provider: p })).finish();
  });
  chain.queries.set("/akash.cert.v1.Query/Certificates", (data) => {
    const { filter } = QueryCertificatesRequest.decode(data);
    const list = state.certs.filter((c) => !filter?.owner || c.owner === filter.owner);
    return QueryCertificatesResponse.encode(
      QueryCertificatesResponse.fromPartial({ certificates: list.map((c) => ({ serial: c.serial, certificate: { state: c.state, cert: c.cert, pubkey: c.pubkey } })) }),
    ).finish();
  });
  chain.queries.set("/cosmos.bank.v1beta1.Query/AllBalances", (data) => {
    const { address } = QueryAllBalancesRequest.decode(data);
    const coins = [...bank(address)].filter(([, a]) => a > 0n).map(([denom, amount]) => ({ denom, amount: amount.toString() }));
    return QueryAllBalancesResponse.encode(QueryAllBalancesResponse.fromPartial({ balances: coins })).finish();
  });
  chain.queries.set("/cosmos.staking.v1beta1.Query/DelegatorDelegations", () =>
    QueryDelegatorDelegationsResponse.encode(
      QueryDelegatorDelegationsResponse.fromPartial({
        delegationResponses: [...state.delegations].map(([validator, amount]) => ({ delegation: { validatorAddress: validator, delegatorAddress: "x", shares: "1" }, balance: { denom: "uakt", amount: amount.toString() } })),
      }),
    ).finish(),
  );
  chain.queries.set("/cosmos.distribution.v1beta1.Query/DelegationTotalRewards", () => {
    const rewards = [...state.rewards].map(([validatorAddress, amount]) => ({ validatorAddress, reward: [{ denom: "uakt", amount }] }));
    const total = [...state.rewards.values()].reduce((s, a) => s + Number(a), 0);
    return QueryDelegationTotalRewardsResponse.encode(QueryDelegationTotalRewardsResponse.fromPartial({ rewards, total: total ? [{ denom: "uakt", amount: total.toFixed(3) }] : [] })).finish();
  });
  chain.queries.set("/cosmos.staking.v1beta1.Query/Validators", () =>
    QueryValidatorsResponse.encode(
      QueryValidatorsResponse.fromPartial({
        validators: state.validators.map((v) => ({ operatorAddress: v.operatorAddress, description: { moniker: v.moniker }, commission: { commissionRates: { rate: v.rate, maxRate: "1", maxChangeRate: "0.1" } }, status: 3, tokens: v.tokens, jailed: v.jailed })),
      }),
    ).finish(),
  );

  chain.onDeliver = (tx) => {
    for (const m of tx.messages) {
      switch (m.typeUrl) {
        case "/akash.provider.v1beta4.MsgCreateProvider": {
          const msg = MsgCreateProvider.decode(m.value);
          state.providers.set(msg.owner, { owner: msg.owner, hostUri: msg.hostUri, attributes: msg.attributes, info: msg.info ?? { email: "", website: "" } });
          break;
        }
        case "/akash.provider.v1beta4.MsgUpdateProvider": {
          const msg = MsgUpdateProvider.decode(m.value);
          state.providers.set(msg.owner, { owner: msg.owner, hostUri: msg.hostUri, attributes: msg.attributes, info: msg.info ?? { email: "", website: "" } });
          break;
        }
        case "/akash.cert.v1.MsgCreateCertificate": {
          const msg = MsgCreateCertificate.decode(m.value);
          const pem = new TextDecoder().decode(msg.cert);
          const serial = BigInt(`0x${new X509Certificate(pem).serialNumber}`).toString(10);
          state.certs.push({ owner: msg.owner, serial, state: Cert_State.valid, cert: msg.cert, pubkey: msg.pubkey });
          break;
        }
        case "/akash.cert.v1.MsgRevokeCertificate": {
          const msg = MsgRevokeCertificate.decode(m.value);
          const cert = state.certs.find((c) => c.owner === msg.id?.owner && c.serial === msg.id?.serial);
          if (cert) cert.state = Cert_State.revoked;
          break;
        }
        case "/cosmos.bank.v1beta1.MsgSend": {
          const msg = MsgSend.decode(m.value);
          for (const c of msg.amount) {
            bank(msg.fromAddress).set(c.denom, (bank(msg.fromAddress).get(c.denom) ?? 0n) - BigInt(c.amount));
            bank(msg.toAddress).set(c.denom, (bank(msg.toAddress).get(c.denom) ?? 0n) + BigInt(c.amount));
          }
          break;
        }
        case "/cosmos.staking.v1beta1.MsgDelegate": {
          const msg = MsgDelegate.decode(m.value);
          const amount = BigInt(msg.amount!.amount);
          bank(msg.delegatorAddress).set("uakt", (bank(msg.delegatorAddress).get("uakt") ?? 0n) - amount);
          state.delegations.set(msg.validatorAddress, (state.delegations.get(msg.validatorAddress) ?? 0n) + amount);
          break;
        }
        case "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward": {
          const msg = MsgWithdrawDelegatorReward.decode(m.value);
          const reward = BigInt((state.rewards.get(msg.validatorAddress) ?? "0").split(".")[0]!);
          bank(msg.delegatorAddress).set("uakt", (bank(msg.delegatorAddress).get("uakt") ?? 0n) + reward);
          state.rewards.delete(msg.validatorAddress);
          break;
        }
        case "/akash.bme.v1.MsgBurnACT": {
          const msg = MsgBurnACT.decode(m.value);
          state.burns.push({ owner: msg.owner, amount: msg.coinsToBurn!.amount });
          bank(msg.owner).set("uact", (bank(msg.owner).get("uact") ?? 0n) - BigInt(msg.coinsToBurn!.amount));
          break;
        }
      }
    }
  };
  return state;
}
