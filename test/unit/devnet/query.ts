import { QueryClient } from "@cosmjs/stargate";
import { Comet38Client } from "@cosmjs/tendermint-rpc";

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
  fromPartial(object: never): T;
}

/** abci_query with chain-sdk request/response types, as the app's chain client does it. */
export async function abci(url: string) {
  const comet = await Comet38Client.connect(url);
  const client = new QueryClient(comet);
  return {
    async query<Req, Res>(path: string, request: Codec<Req>, response: Codec<Res>, value: unknown): Promise<Res> {
      const bytes = request.encode(request.fromPartial(value as never)).finish();
      const result = await client.queryAbci(path, bytes);
      return response.decode(result.value);
    },
    comet,
    close: () => comet.disconnect(),
  };
}
