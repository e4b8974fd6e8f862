/**
 * The edge the tests replace: a urql exchange that stands where fetch would,
 * so the app's real client (its credentials mode, its UNAUTHORIZED handling) runs
 * and only the gateway is pretend. Each test answers by operation name.
 */
import {
  getOperationName,
  makeResult,
  type Exchange,
  type Operation,
  type OperationResult,
} from "@urql/core";
import { filter, make, mergeMap, pipe, share, takeUntil } from "wonka";

export interface GatewayCall {
  operationName: string;
  variables: Record<string, unknown>;
  /** Whether the request sends the browser's cookies (the session) to the gateway's origin. */
  credentials: RequestCredentials | undefined;
}

export interface GatewayAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export type Answerer = (call: GatewayCall) => GatewayAnswer | Promise<GatewayAnswer>;

export interface FakeGateway {
  transport: Exchange;
  calls: GatewayCall[];
  /** The calls of one operation, in order. */
  callsOf: (operationName: string) => GatewayCall[];
}

export function fakeGateway(answer: Answerer): FakeGateway {
  const calls: GatewayCall[] = [];
  const transport: Exchange = () => (operations$) => {
    const shared$ = share(operations$);
    return pipe(
      shared$,
      filter((operation) => operation.kind === "query" || operation.kind === "mutation"),
      mergeMap((operation) => {
        const torndown$ = pipe(
          shared$,
          filter((op) => op.kind === "teardown" && op.key === operation.key),
        );
        return pipe(request(operation), takeUntil(torndown$));
      }),
    );
  };

  // Like fetchExchange, the request goes out a microtask later, so an operation
  // torn down at once (useQuery peeks synchronously while rendering) never
  // reaches the gateway and is not counted as a call.
  const request = (operation: Operation) =>
    make<OperationResult>((observer) => {
      let cancelled = false;
      void Promise.resolve().then(async () => {
        if (cancelled) return;
        const call = callOf(operation);
        calls.push(call);
        const result = await answer(call);
        if (cancelled) return;
        observer.next(makeResult(operation, result));
        observer.complete();
      });
      return () => {
        cancelled = true;
      };
    });

  return {
    transport,
    calls,
    callsOf: (operationName) => calls.filter((c) => c.operationName === operationName),
  };
}

function callOf(operation: Operation): GatewayCall {
  const { fetchOptions } = operation.context;
  const init = typeof fetchOptions === "function" ? fetchOptions() : fetchOptions;
  return {
    operationName: getOperationName(operation.query) ?? "(anonymous)",
    variables: operation.variables ?? {},
    credentials: init?.credentials,
  };
}

/** The gateway's answer when nobody is signed in (no session, or it ended). */
export const UNAUTHORIZED: GatewayAnswer = {
  data: null,
  errors: [{ message: "Sign in as staff to do this.", extensions: { code: "UNAUTHORIZED" } }],
};

/** A promise the test settles when it chooses: a request held "in flight". */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
