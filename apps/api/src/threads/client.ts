// An object that lives on its own worker thread (served by host.ts), called with one message each way. What
// the worker holds is rebuilt by whoever listens for its loss: a worker that dies is replaced by an empty one
// and requests in flight fail rather than hang.
import { Worker } from 'node:worker_threads';
import type { ThreadReply, ThreadRequest } from './host.js';

/** A worker that dies sooner than this after starting is restarted after a growing pause, not at once. */
const SHORT_LIFE_MS = 5000;
const MAX_RESTART_PAUSE_MS = 30_000;

export interface ThreadErrors {
  /** What a request gets when the worker answers with an error (its code, if it had one). */
  failed(code: string | null, message: string): Error;
  /** What requests get while the worker is stopped or restarting. */
  unavailable(reason: string): Error;
  /** What a request gets whose arguments cannot be sent (a function, say). */
  unsendable(message: string): Error;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class ThreadClient<Method extends string> {
  private worker: Worker | null = null;
  private startedAt = 0;
  private quickDeaths = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly lossListeners: (() => void)[] = [];
  private nextId = 0;
  private lastError = '';

  constructor(
    private readonly entry: URL,
    private readonly name: string,
    private readonly errors: ThreadErrors,
  ) {
    this.start();
  }

  /** Told after a replacement worker has started empty. */
  onLoss(listener: () => void): void {
    this.lossListeners.push(listener);
  }

  call<T>(method: Method, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    const request: ThreadRequest = { id, method, args };
    const worker = this.worker;
    if (!worker) return Promise.reject(this.errors.unavailable(`${this.name} is restarting`));
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.size === 1) worker.ref();
      try {
        worker.postMessage(request);
      } catch (error) {
        this.pending.delete(id);
        if (this.pending.size === 0) worker.unref();
        reject(this.errors.unsendable((error as Error).message));
      }
    });
  }

  private start(): void {
    const worker = new Worker(this.entry);
    this.startedAt = Date.now();
    // Kept alive only while it owes answers, so a process whose work is done can exit.
    worker.unref();
    worker.on('message', (reply: ThreadReply) => this.settle(reply));
    worker.on('error', (error) => (this.lastError = error.message));
    worker.on('exit', (code) => {
      const reason = `${this.name} stopped (exit ${code}${this.lastError ? `: ${this.lastError}` : ''})`;
      this.worker = null;
      this.lastError = '';
      for (const { reject } of this.pending.values()) reject(this.errors.unavailable(reason));
      this.pending.clear();
      this.quickDeaths = Date.now() - this.startedAt < SHORT_LIFE_MS ? this.quickDeaths + 1 : 0;
      const pause = this.quickDeaths > 1 ? Math.min(MAX_RESTART_PAUSE_MS, 100 * 2 ** this.quickDeaths) : 0;
      setTimeout(() => {
        this.start();
        for (const listener of this.lossListeners) listener();
      }, pause).unref();
    });
    this.worker = worker;
  }

  private settle(reply: ThreadReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if ('result' in reply) waiting.resolve(reply.result);
    else waiting.reject(this.errors.failed(reply.error.code, reply.error.message));
  }
}
