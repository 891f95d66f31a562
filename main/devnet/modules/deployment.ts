import {
  Deployment,
  Deployment_State,
  EventDeploymentClosed,
  EventDeploymentCreated,
  EventGroupStarted,
} from "@akashnetwork/chain-sdk/private-types/akash.v1";
import {
  Group,
  Group_State,
  GroupSpec,
  MsgCloseDeployment,
  MsgCloseDeploymentResponse,
  MsgCreateDeployment,
  MsgCreateDeploymentResponse,
  QueryDeploymentRequest,
  QueryDeploymentResponse,
  QueryDeploymentsRequest,
  QueryDeploymentsResponse,
  QueryGroupRequest,
  QueryGroupResponse,
} from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { QueryParamsResponse as DeploymentParamsResponse } from "@akashnetwork/chain-sdk/private-types/akash.v1beta4";
import { sdkErr } from "../chain/errors";
import { typedEvent } from "../chain/events";
import { paginate } from "../chain/pagination";
import type { MsgContext, MsgHandler, QueryRoutes } from "../chain/types";
import type { Store, Table } from "../state/store";
import { checkAddress } from "../util/address";
import { isDec, parseDec } from "../util/dec";
import { checkCoin } from "./bank";
import { accountKey, type EscrowModule } from "./escrow";
import { deploymentKey, groupKey } from "./keys";
import { deploymentErr } from "./module-errors";
import { resourceValue } from "./resources";

export const DEPLOYMENT_MIN_DEPOSIT = { denom: "uact", amount: 500_000n };
const codec = <T>(type: { toJSON(v: T): unknown; fromJSON(j: unknown): T }) => ({ toJSON: (v: T) => type.toJSON(v), fromJSON: (j: unknown) => type.fromJSON(j) });

/** Hooks the market module provides: orders for new groups, and closing everything of a deployment. */
export interface DeploymentHooks {
  onGroupCreated(group: Group, ctx: MsgContext): void;
  onDeploymentClosed(owner: string, dseq: string, ctx: MsgContext): void;
}

/** GroupSpec.ValidateBasic as far as a provider can observe it. */
export function validateGroupSpec(spec: GroupSpec): void {
  if (!spec.name) throw deploymentErr.groupSpec("group name is empty");
  if (spec.resources.length === 0) throw deploymentErr.groupSpec(`group ${spec.name}: no resources`);
  const ids = new Set<number>();
  for (const unit of spec.resources) {
    const id = unit.resource?.id ?? 0;
    if (id === 0 || ids.has(id)) throw deploymentErr.groupSpec(`group ${spec.name}: resource id ${id} is zero or duplicated`);
    ids.add(id);
    if (unit.count === 0) throw deploymentErr.groupSpec(`group ${spec.name}: resource count is zero`);
    try {
      if (resourceValue(unit.resource?.cpu?.units?.val) === 0n) throw deploymentErr.groupSpec(`group ${spec.name}: cpu units are zero`);
      if (resourceValue(unit.resource?.memory?.quantity?.val) === 0n) throw deploymentErr.groupSpec(`group ${spec.name}: memory is zero`);
      resourceValue(unit.resource?.gpu?.units?.val);
      for (const storage of unit.resource?.storage ?? []) resourceValue(storage.quantity?.val);
    } catch (error) {
      if (error instanceof RangeError) throw deploymentErr.groupSpec(`group ${spec.name}: ${error.message}`);
      throw error;
    }
    const price = unit.price;
    if (!price || !isDec(price.amount)) throw deploymentErr.invalidPrice(`group ${spec.name}: missing or malformed price`);
    if (price.denom !== "uact") throw deploymentErr.invalidPrice(`group ${spec.name}: unsupported denomination ${price.denom}`);
    if (parseDec(price.amount) === 0n) throw deploymentErr.invalidPrice(`group ${spec.name}: price is zero`);
  }
}

/** x/deployment (v1beta4): deployments, their groups and the deployment escrow account. */
export class DeploymentModule {
  readonly deployments: Table<Deployment>;
  readonly groups: Table<Group>;
  hooks?: DeploymentHooks;

  constructor(
    store: Store,
    private readonly escrow: EscrowModule,
  ) {
    this.deployments = store.table("deployment.deployments", codec(Deployment));
    this.groups = store.table("deployment.groups", codec(Group));
  }

  groupsOf(owner: string, dseq: string): Group[] {
    const list: Group[] = [];
    for (let gseq = 1; ; gseq++) {
      const group = this.groups.get(groupKey(owner, dseq, gseq));
      if (!group) return list;
      list.push(group);
    }
  }

  setGroupState(owner: string, dseq: string, gseq: number, state: Group_State): void {
    const key = groupKey(owner, dseq, gseq);
    const group = this.groups.get(key);
    if (group && group.state !== Group_State.closed) this.groups.put(key, { ...group, state });
  }

  /** Closes the deployment record and its groups (the market closes leases/orders via hooks first). */
  close(owner: string, dseq: string, ctx: MsgContext, groupState = Group_State.closed): void {
    const key = deploymentKey(owner, dseq);
    const deployment = this.deployments.get(key);
    if (!deployment || deployment.state === Deployment_State.closed) return;
    this.hooks?.onDeploymentClosed(owner, dseq, ctx);
    for (const group of this.groupsOf(owner, dseq)) if (group.id) this.setGroupState(owner, dseq, group.id.gseq, groupState);
    this.escrow.closeAccount(accountKey("deployment", key), ctx.height, ctx);
    this.deployments.put(key, { ...deployment, state: Deployment_State.closed });
    ctx.emit(typedEvent(EventDeploymentClosed, EventDeploymentClosed.fromPartial({ id: deployment.id })));
  }

  handlers(): MsgHandler[] {
    const create: MsgHandler<MsgCreateDeployment> = {
      typeUrl: `/${MsgCreateDeployment.$type}`,
      decode: (b) => MsgCreateDeployment.decode(b),
      signers: (m) => [m.id?.owner ?? ""],
      gas: 80_000,
      module: "deployment",
      handle: (msg, ctx) => {
        const owner = checkAddress(msg.id?.owner ?? "", "owner");
        const dseq = msg.id?.dseq?.toString() ?? "0";
        if (dseq === "0") throw deploymentErr.invalidId("dseq must be positive");
        if (msg.hash.length === 0) throw deploymentErr.emptyHash();
        if (msg.hash.length !== 32) throw deploymentErr.invalidHash(`hash must be 32 bytes, got ${msg.hash.length}`);
        if (msg.groups.length === 0) throw deploymentErr.invalidGroups("no groups");
        const names = new Set<string>();
        for (const spec of msg.groups) {
          validateGroupSpec(spec);
          if (names.has(spec.name)) throw deploymentErr.duplicateGroupName(spec.name);
          names.add(spec.name);
        }
        const deposit = checkCoin(msg.deposit?.amount, "deposit");
        if (deposit.denom === "uakt") throw deploymentErr.invalidDeposit("AKT deposits are only allowed via AccountDeposit");
        if (deposit.denom !== DEPLOYMENT_MIN_DEPOSIT.denom) throw deploymentErr.invalidDeposit(`unsupported deposit denomination ${deposit.denom}`);
        if (deposit.amount < DEPLOYMENT_MIN_DEPOSIT.amount) {
          throw deploymentErr.invalidDeposit(`deposit ${deposit.amount}${deposit.denom} is below the minimum ${DEPLOYMENT_MIN_DEPOSIT.amount}${DEPLOYMENT_MIN_DEPOSIT.denom}`);
        }
        const key = deploymentKey(owner, dseq);
        if (this.deployments.has(key)) throw deploymentErr.exists(`id: ${key}`);
        const id = { owner, dseq };
        this.deployments.put(key, Deployment.fromPartial({ id, state: Deployment_State.active, hash: msg.hash, createdAt: ctx.height }));
        this.escrow.openAccount("deployment", key, owner, owner, deposit.denom, deposit.amount, ctx.height);
        ctx.emit(typedEvent(EventDeploymentCreated, EventDeploymentCreated.fromPartial({ id, hash: msg.hash })));
        msg.groups.forEach((spec, i) => {
          const group = Group.fromPartial({ id: { owner, dseq, gseq: i + 1 }, state: Group_State.open, groupSpec: spec, createdAt: ctx.height });
          this.groups.put(groupKey(owner, dseq, i + 1), group);
          ctx.emit(typedEvent(EventGroupStarted, EventGroupStarted.fromPartial({ id: group.id })));
          this.hooks?.onGroupCreated(group, ctx);
        });
        return { typeUrl: `/${MsgCreateDeploymentResponse.$type}`, value: MsgCreateDeploymentResponse.encode({}).finish() };
      },
    };
    const close: MsgHandler<MsgCloseDeployment> = {
      typeUrl: `/${MsgCloseDeployment.$type}`,
      decode: (b) => MsgCloseDeployment.decode(b),
      signers: (m) => [m.id?.owner ?? ""],
      gas: 60_000,
      module: "deployment",
      handle: (msg, ctx) => {
        const owner = checkAddress(msg.id?.owner ?? "", "owner");
        const dseq = msg.id?.dseq?.toString() ?? "0";
        const deployment = this.deployments.get(deploymentKey(owner, dseq));
        if (!deployment) throw deploymentErr.notFound(`id: ${owner}/${dseq}`);
        if (deployment.state === Deployment_State.closed) throw deploymentErr.closed(`id: ${owner}/${dseq}`);
        this.close(owner, dseq, ctx);
        return { typeUrl: `/${MsgCloseDeploymentResponse.$type}`, value: MsgCloseDeploymentResponse.encode({}).finish() };
      },
    };
    return [create, close] as MsgHandler[];
  }

  routes(): QueryRoutes {
    const full = (deployment: Deployment) => {
      const owner = deployment.id?.owner ?? "";
      const dseq = deployment.id?.dseq?.toString() ?? "0";
      const account = this.escrow.account(accountKey("deployment", deploymentKey(owner, dseq)));
      return { deployment, groups: this.groupsOf(owner, dseq), escrowAccount: account ? this.escrow.toAccount(account) : undefined };
    };
    return {
      "/akash.deployment.v1beta4.Query/Deployments": (data) => {
        const { filters, pagination } = QueryDeploymentsRequest.decode(data);
        const state = filters?.state;
        const list = [...this.deployments.values()].filter(
          (d) =>
            (!filters?.owner || d.id?.owner === filters.owner) &&
            (!filters || filters.dseq.isZero() || d.id?.dseq.toString() === filters.dseq.toString()) &&
            (!state || (state === "active" ? d.state === Deployment_State.active : state === "closed" ? d.state === Deployment_State.closed : false)),
        );
        const page = paginate(list, pagination);
        return QueryDeploymentsResponse.encode(QueryDeploymentsResponse.fromPartial({ deployments: page.items.map(full), pagination: page.pagination })).finish();
      },
      "/akash.deployment.v1beta4.Query/Deployment": (data) => {
        const { id } = QueryDeploymentRequest.decode(data);
        const deployment = id && this.deployments.get(deploymentKey(id.owner, id.dseq));
        if (!deployment) throw sdkErr.keyNotFound("deployment not found");
        return QueryDeploymentResponse.encode(QueryDeploymentResponse.fromPartial(full(deployment))).finish();
      },
      "/akash.deployment.v1beta4.Query/Group": (data) => {
        const { id } = QueryGroupRequest.decode(data);
        const group = id && this.groups.get(groupKey(id.owner, id.dseq, id.gseq));
        if (!group) throw sdkErr.keyNotFound("group not found");
        return QueryGroupResponse.encode(QueryGroupResponse.fromPartial({ group })).finish();
      },
      "/akash.deployment.v1beta4.Query/Params": () =>
        DeploymentParamsResponse.encode(
          DeploymentParamsResponse.fromPartial({ params: { minDeposits: [{ denom: DEPLOYMENT_MIN_DEPOSIT.denom, amount: DEPLOYMENT_MIN_DEPOSIT.amount.toString() }] } }),
        ).finish(),
    };
  }
}
