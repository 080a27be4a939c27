/**
 * The `fetch` provider requests go through: undici's fetch with a dispatcher whose connector
 * checks every address it is about to connect to (`address-policy.ts`).
 *
 * Why at connect time: the base URL is checked when it is saved, but a name can resolve to
 * another address later (DNS rebinding, a record changed after the check). Here the custom
 * `lookup` sees every address a name resolves to, and refuses the connection if any of them is
 * not allowed; IP literals (for which Node does not call `lookup`) are checked before connecting.
 * Redirects are not followed by the HTTP client, so no second host is ever reached.
 *
 * Node 20's global fetch is undici 6 inside Node, but it exposes no dispatcher class; the `undici`
 * package (pinned to the same 6.x line) provides `Agent` and its own `fetch`, used together.
 */
import dns from "node:dns";
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from "node:dns";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import {
  classifyAddress,
  isAllowedKind,
  refusalFor,
  type AddressKind,
  type AddressPolicy,
} from "./address-policy";

/** A connection refused because the provider's address is not allowed; the message names the kind only. */
export class AddressRefusedError extends Error {
  override readonly name = "AddressRefusedError";
  readonly code = "PARLEY_ADDRESS_REFUSED";
  constructor(readonly kind: AddressKind) {
    super(`Parley refused to connect: ${refusalFor(kind)}.`);
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `dns.lookup` that fails when any resolved address is not allowed by `policy`. */
export function checkedLookup(policy: AddressPolicy, resolve: typeof dns.lookup = dns.lookup) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      for (const entry of list) {
        const kind = classifyAddress(entry.address) ?? "reserved";
        if (!isAllowedKind(kind, policy)) return callback(new AddressRefusedError(kind), []);
      }
      const first = list[0];
      if (!first) return callback(Object.assign(new Error("no address"), { code: "ENOTFOUND" }), []);
      if (options.all) return callback(null, list);
      return callback(null, first.address, first.family);
    });
  };
}

type Connector = ReturnType<typeof buildConnector>;

/** A connector that checks IP literals itself and names through `checkedLookup`. */
export function guardedConnector(policy: AddressPolicy, resolve?: typeof dns.lookup): Connector {
  const connect = buildConnector({ lookup: checkedLookup(policy, resolve) } as buildConnector.BuildOptions);
  return (options, callback) => {
    const kind = classifyAddress(options.hostname);
    if (kind !== null && !isAllowedKind(kind, policy)) {
      callback(new AddressRefusedError(kind), null);
      return;
    }
    connect(options, callback);
  };
}

export type FetchLike = (input: URL, init: RequestInit) => Promise<Response>;

const agents = new Map<string, Agent>();

function agentFor(policy: AddressPolicy): Agent {
  const key = `${policy.allowLoopback}:${policy.allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: guardedConnector(policy) });
    agents.set(key, agent);
  }
  return agent;
}

/** A fetch that may reach only the addresses `policy` allows. One pooled dispatcher per policy. */
export function guardedFetch(policy: AddressPolicy): FetchLike {
  const dispatcher = agentFor(policy);
  return async (input, init) => {
    const response = await undiciFetch(input, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    });
    return response as unknown as Response;
  };
}
