import { apiPath, type CrowdEvent, type RunStreamEnd } from '@emocrowd/crowd/analysis';

const TYPES: readonly CrowdEvent['type'][] = [
  'runStarted',
  'estimateSubmitted',
  'estimateFailed',
  'crowdUpdated',
  'roundFinished',
  'runCompleted',
];

/**
 * Follows a run's events (`GET /api/runs/:id/events`, Server-Sent Events): what happened so
 * far is replayed, then live events arrive until the run completes.
 *
 * The stream is closed on `end` (or `runCompleted`), so the browser does not reconnect and
 * replay the run a second time.
 *
 * @param runId the run.
 * @param onEvent receives each event in order.
 * @param onEnd called once when the stream is over (`error` set if it broke).
 * @returns a function that stops watching.
 */
export function watchRunEvents(
  runId: string,
  onEvent: (event: CrowdEvent) => void,
  onEnd: (error?: string) => void,
): () => void {
  const source = new EventSource(apiPath('GET /api/runs/:id/events', { id: runId }));
  let over = false;
  const finish = (error?: string): void => {
    if (over) return;
    over = true;
    source.close();
    onEnd(error);
  };
  for (const type of TYPES) {
    source.addEventListener(type, (message) => {
      if (over) return;
      onEvent(JSON.parse((message as MessageEvent<string>).data) as CrowdEvent);
    });
  }
  source.addEventListener('end', (message) => {
    const data = JSON.parse((message as MessageEvent<string>).data) as RunStreamEnd;
    finish(data.error);
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) finish('the connection to the server was lost');
  });
  return () => finish();
}
