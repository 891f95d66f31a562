import { sha256 } from "@cosmjs/crypto";
import { toBase64 } from "@cosmjs/encoding";
import type { AbciEvent } from "../chain/types";
import type { BlockRecord, TxResultJson } from "../state/block-store";

// CometBFT 0.38 JSON shapes (rpc/core/types): integers as strings except where Comet prints numbers
// (round, parts.total, block_id_flag, tx index), hashes as upper-case hex, bytes as base64.

export interface ValidatorIdentity {
  address: string;
  pubkeyBase64: string;
  votingPower: bigint;
}

const EMPTY_BLOCK_ID = { hash: "", parts: { total: 0, hash: "" } };

export function blockId(block: BlockRecord): { hash: string; parts: { total: number; hash: string } } {
  return { hash: block.hash, parts: { total: 1, hash: block.partsHash } };
}

export function header(block: BlockRecord, chainId: string, previous: BlockRecord | undefined, proposer: string) {
  return {
    version: { block: "11", app: "0" },
    chain_id: chainId,
    height: String(block.height),
    time: block.time,
    last_block_id: previous ? blockId(previous) : EMPTY_BLOCK_ID,
    last_commit_hash: previous ? previous.hash : "",
    data_hash: block.dataHash,
    validators_hash: proposer.padEnd(64, "0"),
    next_validators_hash: proposer.padEnd(64, "0"),
    consensus_hash: "048091BC7DDC283F77BFBF91D73C44DA58C3DF8A9CBC867405D8B7F3DAADA22F",
    app_hash: block.appHash,
    last_results_hash: previous ? previous.appHash : "",
    evidence_hash: "",
    proposer_address: proposer,
  };
}

export function blockJson(block: BlockRecord, chainId: string, previous: BlockRecord | undefined, validators: ValidatorIdentity[]) {
  const proposer = validators[block.height % Math.max(1, validators.length)]?.address ?? "";
  return {
    block_id: blockId(block),
    block: {
      header: header(block, chainId, previous, proposer),
      data: { txs: block.txs },
      evidence: { evidence: [] },
      last_commit: previous
        ? {
            height: String(previous.height),
            round: 0,
            block_id: blockId(previous),
            signatures: validators.map((v) => ({
              block_id_flag: 2,
              validator_address: v.address,
              timestamp: block.time,
              signature: fakeSignature(block.hash, v.address),
            })),
          }
        : { height: "0", round: 0, block_id: EMPTY_BLOCK_ID, signatures: [] },
    },
  };
}

export function eventsJson(events: AbciEvent[]) {
  return events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ key: a.key, value: a.value, index: a.index })) }));
}

export function txResultJson(result: TxResultJson) {
  return {
    code: result.code,
    data: result.data || null,
    log: result.log,
    info: "",
    gas_wanted: String(result.gasWanted),
    gas_used: String(result.gasUsed),
    events: eventsJson(result.events),
    codespace: result.codespace,
  };
}

export function txJson(block: BlockRecord, index: number) {
  return {
    hash: block.txHashes[index],
    height: String(block.height),
    index,
    tx_result: txResultJson(block.results[index] as TxResultJson),
    tx: block.txs[index],
  };
}

export function blockResultsJson(block: BlockRecord) {
  return {
    height: String(block.height),
    txs_results: block.results.length > 0 ? block.results.map(txResultJson) : null,
    finalize_block_events: eventsJson(block.finalizeEvents),
    validator_updates: [],
    consensus_param_updates: null,
    app_hash: block.appHash,
  };
}

export function validatorJson(v: ValidatorIdentity) {
  return {
    address: v.address,
    pub_key: { type: "tendermint/PubKeyEd25519", value: v.pubkeyBase64 },
    voting_power: v.votingPower.toString(),
    proposer_priority: "0",
  };
}

/** The devnet has no consensus; commit signatures are deterministic 64-byte placeholders. */
function fakeSignature(blockHash: string, validator: string): string {
  const half = sha256(new TextEncoder().encode(`${blockHash}/${validator}`));
  return toBase64(new Uint8Array([...half, ...sha256(half)]));
}
