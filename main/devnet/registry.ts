import { MsgAccountDeposit, MsgBurnACT, MsgBurnMint, MsgCreateCertificate, MsgDeleteProviderAttributes, MsgMintACT, MsgRevokeCertificate, MsgSignProviderAttributes } from "@akashnetwork/chain-sdk/private-types/akash.v1";
import { MsgCloseDeployment, MsgCreateDeployment, MsgCreateProvider, MsgUpdateProvider } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { MsgCloseBid, MsgCloseLease, MsgCreateBid, MsgCreateLease, MsgWithdrawLease } from "@akashnetwork/chain-sdk/private-types/akash.v1beta5";
import { Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { defaultRegistryTypes } from "@cosmjs/stargate";

/** The Akash messages the devnet accepts, as chain-sdk generated types keyed by type URL. */
export const akashTypes: ReadonlyArray<[string, GeneratedType]> = [
  MsgCreateProvider,
  MsgUpdateProvider,
  MsgCreateCertificate,
  MsgRevokeCertificate,
  MsgCreateDeployment,
  MsgCloseDeployment,
  MsgAccountDeposit,
  MsgCreateBid,
  MsgCloseBid,
  MsgCreateLease,
  MsgWithdrawLease,
  MsgCloseLease,
  MsgMintACT,
  MsgBurnACT,
  MsgBurnMint,
  MsgSignProviderAttributes,
  MsgDeleteProviderAttributes,
].map((type) => [`/${type.$type}`, type as unknown as GeneratedType]);

/** A cosmjs Registry with the cosmos defaults (bank, staking, distribution …) plus the Akash types. */
export function akashRegistry(): Registry {
  return new Registry([...defaultRegistryTypes, ...akashTypes]);
}
