// The worker side of a thread client (client.ts): answers each request from the parent by calling the same
// object the main thread would call in process, so results are identical whichever thread runs it.
import { parentPort } from 'node:worker_threads';

export interface ThreadRequest {
  id: number;
  method: string;
  args: unknown[];
}

export type ThreadReply =
  { id: number; result: unknown } | { id: number; error: { code: string | null; message: string } };

interface Options {
  /** The code the parent's error will carry (null: a plain error). */
  codeOf?: (error: Error) => string | null;
  /** Runs after each reply is sent. */
  answered?: (method: string) => void;
}

/** Serves `target`'s methods to the parent. */
export function serveOnThread(target: object, { codeOf = () => null, answered }: Options = {}): void {
  const port = parentPort!;
  const methods = target as Record<string, (...args: unknown[]) => unknown>;
  port.on('message', ({ id, method, args }: ThreadRequest) => {
    // Requests run concurrently, as they do in process: a long one that yields lets others through.
    Promise.resolve()
      .then(() => methods[method]!.apply(target, args))
      .then(
        (result): ThreadReply => ({ id, result }),
        (error: Error): ThreadReply => ({ id, error: { code: codeOf(error), message: error.message } }),
      )
      .then((reply) => {
        port.postMessage(reply);
        answered?.(method);
      });
  });
}
