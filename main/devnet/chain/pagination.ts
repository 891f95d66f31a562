// cosmos.base.query.v1beta1 pagination over an already-filtered list. The `key` we hand out is the
// ASCII offset of the next item: opaque to clients, as the real chain's store keys are.
export interface PageRequestLike {
  key: Uint8Array;
  offset: { toString(): string };
  limit: { toString(): string };
  countTotal: boolean;
  reverse: boolean;
}

export const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;

export function paginate<T>(all: T[], request: PageRequestLike | undefined): { items: T[]; pagination: { nextKey: Uint8Array; total: number } } {
  const list = request?.reverse ? [...all].reverse() : all;
  let start = 0;
  if (request && request.key.length > 0) {
    const text = new TextDecoder().decode(request.key);
    start = /^\d{1,9}$/.test(text) ? Number(text) : list.length;
  } else if (request) {
    start = Math.max(0, Number(request.offset.toString()) || 0);
  }
  const askedLimit = request ? Number(request.limit.toString()) || 0 : 0;
  const limit = Math.min(askedLimit > 0 ? askedLimit : DEFAULT_LIMIT, MAX_LIMIT);
  const items = list.slice(start, start + limit);
  const next = start + limit < list.length ? new TextEncoder().encode(String(start + limit)) : new Uint8Array();
  const total = request?.countTotal || !request?.key?.length ? list.length : 0;
  return { items, pagination: { nextKey: next, total } };
}
