import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { type CrowdEvent, RUN_FILES, type RunStreamEnd, readResponseChunk, readRun } from '@emocrowd/crowd';
import type { EventStream } from './EventStream.js';
import type { LiveRun } from './LiveRun.js';
import { byRound, RunReplay } from './RunReplay.js';

/** Below this many unread bytes a live replay catches up in one synchronous read and goes live. */
const CATCH_UP_BYTES = 256 * 1024;

/**
 * Streams a live run to one viewer: what happened so far, replayed from the run's
 * responses.jsonl and the few events the server keeps (start, snapshots, finished rounds), then
 * every new event until `runCompleted`, then `end`.
 *
 * Nothing is missed or repeated: the file is read in chunks (waiting for a slow client between
 * them) until little is left; then, in one synchronous turn, the run's log is flushed, the rest
 * of the file read and sent, and the viewer registered for new events, so no event can fall
 * between the file and the live stream. The server never holds the run's answers in memory.
 *
 * @param run the live run.
 * @param stream the viewer's event stream.
 * @param request the viewer's request (its close unregisters the viewer).
 */
export async function streamLiveRun(
  run: LiveRun,
  stream: EventStream,
  request: IncomingMessage,
): Promise<void> {
  const path = join(run.dir, RUN_FILES.responses);
  const send = (event: CrowdEvent): boolean => stream.send(event.type, event);
  const replay = new RunReplay(send, () => byRound(run.rounds));
  let offset = 0;
  if (run.started) send(run.started);
  for (;;) {
    run.flush();
    const size = fileSize(path);
    if (size - offset <= CATCH_UP_BYTES || stream.closed) break;
    offset = await sendChunks(path, offset, size, replay, stream);
  }
  if (stream.closed) return;
  // one synchronous turn: no event of the run can happen between the file and the live stream
  run.flush();
  offset = sendRest(path, offset, fileSize(path), replay);
  if (!run.started) return follow(run, stream, request);
  replay.closeAll();
  if (run.completed) return end(run, stream);
  follow(run, stream, request);
}

/**
 * Streams a stored run (one this server is not executing): `runStarted` from run.json, the
 * answers of responses.jsonl in chunks (a line cut short by a crash is left out), each round's
 * `roundFinished` from summary.json, `runCompleted` when there is a summary, then `end`.
 * Running snapshots are not stored and are not invented.
 *
 * @param dir the run directory.
 * @param runId the run's id.
 * @param stream the viewer's event stream.
 */
export async function streamStoredRun(dir: string, runId: string, stream: EventStream): Promise<void> {
  const stored = readRun(dir, { records: false });
  const summary = stored.summary;
  const send = (event: CrowdEvent): boolean => stream.send(event.type, event);
  send({ type: 'runStarted', at: stored.manifest.createdAt, run: stored.manifest.descriptor });
  const rounds = byRound(
    (summary?.rounds ?? []).map((stats): CrowdEvent => ({ type: 'roundFinished', stats })),
  );
  const replay = new RunReplay(send, () => rounds);
  const path = join(dir, RUN_FILES.responses);
  await sendChunks(path, 0, fileSize(path), replay, stream);
  replay.closeAll();
  if (summary) {
    const summaryPath = join(dir, RUN_FILES.summary);
    const at = existsSync(summaryPath)
      ? statSync(summaryPath).mtime.toISOString()
      : stored.manifest.createdAt;
    send({ type: 'runCompleted', at, cancelled: summary.counts.missing > 0, summary });
  }
  stream.send('end', { runId, complete: summary !== undefined } satisfies RunStreamEnd);
  stream.close();
}

/** Sends the complete lines of [from, to) chunk by chunk, waiting for the client between chunks; returns where it stopped. */
async function sendChunks(
  path: string,
  from: number,
  to: number,
  replay: RunReplay,
  stream: EventStream,
): Promise<number> {
  let offset = from;
  while (offset < to && !stream.closed) {
    const chunk = readResponseChunk(path, offset, to);
    if (chunk.next === offset) break;
    let keepingUp = true;
    for (const record of chunk.records) keepingUp = replay.answer(record) && keepingUp;
    offset = chunk.next;
    await (keepingUp ? new Promise<void>((resolve) => setImmediate(resolve)) : stream.drained());
  }
  return offset;
}

/** Sends the complete lines of [from, to) at once (a small remainder); returns where it stopped. */
function sendRest(path: string, from: number, to: number, replay: RunReplay): number {
  let offset = from;
  for (;;) {
    const chunk = readResponseChunk(path, offset, to);
    if (chunk.next === offset) return offset;
    for (const record of chunk.records) replay.answer(record);
    offset = chunk.next;
  }
}

/** Forwards the run's events from now on, then `end` after `runCompleted` (or when the run ends without one). */
function follow(run: LiveRun, stream: EventStream, request: IncomingMessage): void {
  let completionSent = false;
  const stop = run.watch((event) => {
    stream.send(event.type, event);
    if (event.type !== 'runCompleted') return;
    completionSent = true;
    end(run, stream, true);
  });
  void run.done.then(() => end(run, stream, completionSent));
  request.on('close', stop);
}

/** Sends the completion (unless already sent) and `end`, and closes the stream. */
function end(run: LiveRun, stream: EventStream, completionSent = false): void {
  if (stream.closed) return;
  const completion = run.completion;
  if (completion && !completionSent) stream.send(completion.type, completion);
  stream.send('end', {
    runId: run.runId,
    complete: run.status === 'completed' && completion !== undefined,
    ...(run.error ? { error: run.error } : {}),
  } satisfies RunStreamEnd);
  stream.close();
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}
