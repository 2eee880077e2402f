import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveStream, makeLiveEvent } from '@/testing/agreement-fixtures';
import { mockApi, NETWORK_DOWN } from '@/testing/mock-api';
import { liveState, resetLiveEvents, useLiveEvents } from './use-live-events';

afterEach(() => resetLiveEvents());

describe('useLiveEvents', () => {
  it('hands over events, and after the stream ends reconnects from the last event id', async () => {
    const streams = [liveStream(), liveStream()];
    const api = mockApi({ 'GET /events/stream': streams.map((stream) => stream.reply) });
    const onEvents = vi.fn();
    const onReset = vi.fn();
    const { stop } = useLiveEvents({ onEvents, onReset }, 0);

    streams[0]!.ready(100);
    await vi.waitFor(() => expect(liveState.value).toBe('live'));
    streams[0]!.send(makeLiveEvent({ id: 101 }));
    await vi.waitFor(() =>
      expect(onEvents).toHaveBeenCalledWith([expect.objectContaining({ id: 101, action: 'updated' })]),
    );
    expect(api.callsTo('GET /events/stream')[0]!.query.get('lastEventId')).toBeNull();
    expect(api.callsTo('GET /events/stream')[0]!.headers.get('Accept')).toBe('text/event-stream');

    // The server closes the stream when the access token runs out.
    streams[0]!.end();
    await vi.waitFor(() => expect(api.callsTo('GET /events/stream')).toHaveLength(2));
    expect(api.callsTo('GET /events/stream')[1]!.query.get('lastEventId')).toBe('101');

    streams[1]!.reset();
    await vi.waitFor(() => expect(onReset).toHaveBeenCalledTimes(1));
    stop();
  });

  it('passes only the events a listener asks for', async () => {
    const stream = liveStream();
    mockApi({ 'GET /events/stream': stream.reply });
    const onEvents = vi.fn();
    useLiveEvents({ filter: (event) => event.projectId === 'project-2', onEvents }, 0);
    stream.send(makeLiveEvent({ id: 5, projectId: 'project-1' }));
    stream.send(makeLiveEvent({ id: 6, projectId: 'project-2' }));
    await vi.waitFor(() => expect(onEvents).toHaveBeenCalledTimes(1));
    expect(onEvents.mock.calls[0]![0].map((event: { id: number }) => event.id)).toEqual([6]);
  });

  it('keeps trying when the server cannot be reached', async () => {
    const stream = liveStream();
    const api = mockApi({ 'GET /events/stream': [NETWORK_DOWN, stream.reply] });
    useLiveEvents({ onEvents: () => {} });
    await vi.waitFor(() => expect(liveState.value).toBe('retrying'));
    await vi.waitFor(() => expect(api.callsTo('GET /events/stream')).toHaveLength(2), { timeout: 3000 });
    stream.ready();
    await vi.waitFor(() => expect(liveState.value).toBe('live'));
  });
});
