// Server-sent events: turns a reply into a text/event-stream, keeps it alive with comments, ends it on shutdown.
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

export interface EventStream {
  send(message: { id?: number; event?: string; data: unknown }): void;
  /** Runs once, when the client goes away or the stream is ended. */
  onClose(listener: () => void): void;
  end(): void;
  readonly closed: boolean;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Takes the reply over as an event stream; the route must not send anything else. */
    eventStream(): EventStream;
  }
}

interface Options {
  heartbeatMs?: number;
  /** How long browsers wait before reconnecting. */
  retryMs?: number;
}

export default fp(async function ssePlugin(app: FastifyInstance, options: Options) {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const retryMs = options.retryMs ?? 2_000;
  const open = new Set<EventStream>();

  app.decorateReply('eventStream', function eventStream(this: FastifyReply): EventStream {
    this.hijack();
    const raw = this.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies such as nginx would otherwise hold messages back.
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: ${retryMs}\n\n`);
    const listeners: (() => void)[] = [];
    let closed = false;
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), heartbeatMs);
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      open.delete(stream);
      for (const listener of listeners) listener();
    };
    raw.on('close', close);
    const stream: EventStream = {
      get closed() {
        return closed;
      },
      send({ id, event, data }) {
        if (closed) return;
        const head = `${id === undefined ? '' : `id: ${id}\n`}${event ? `event: ${event}\n` : ''}`;
        raw.write(`${head}data: ${JSON.stringify(data)}\n\n`);
      },
      onClose(listener) {
        listeners.push(listener);
      },
      end() {
        raw.end();
        close();
      },
    };
    open.add(stream);
    return stream;
  });

  // Open streams would otherwise keep the server from closing.
  app.addHook('preClose', async () => {
    for (const stream of [...open]) stream.end();
  });
});
