import { setMaxListeners } from 'node:events';
import type { EstimationTask, Persona, PersonaAnswer, PersonaAnswerer, Task } from '@emocrowd/agents';
import { isBattery, taskItems } from '@emocrowd/agents';
import {
  asyncScheduler,
  concat,
  concatMap,
  defer,
  EMPTY,
  expand,
  filter,
  finalize,
  from,
  map,
  mergeMap,
  type Observable,
  of,
  range,
  type SchedulerLike,
} from 'rxjs';
import type { CrowdEvent, CrowdSnapshot } from '../events/CrowdEvent.js';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import { SocialInfluence } from '../influence/SocialInfluence.js';
import { shownValue } from '../influence/shownToAgent.js';
import type { Network } from '../networks/Network.js';
import { snapshotEvery } from '../operators/snapshotEvery.js';
import { PrecisionStop } from '../stopping/PrecisionStop.js';
import { batterySnapshot } from './batterySnapshot.js';
import type { PersonaList } from './PersonaList.js';
import type { RoundState } from './RoundState.js';
import { RunRounds } from './RunRounds.js';
import { roundStats } from './roundStats.js';
import { type RunSummaryOptions, summarizeRun } from './summarizeRun.js';

/** Options of one crowd run. */
export interface RunCrowdOptions {
  /** What the run is (written to run.json; carried by runStarted). */
  descriptor: RunDescriptor;
  /** A single question, or a battery (every persona answers every item). */
  task: Task;
  personas: PersonaList;
  /** Who answers: a PersonaAgent, or one wrapped by the conduct check (`ConductAgent`). */
  agent: PersonaAnswerer;
  /** Concurrent model calls (the number of workers). Default 8. */
  concurrency?: number;
  /** A crowdUpdated snapshot every this many answers ... */
  snapshotEveryAnswers?: number;
  /** ... or every this many milliseconds, whichever comes first. Default 250 ms. */
  snapshotEveryMs?: number;
  /** Answers already made (resume): counted and summarised, never asked again, not re-emitted. */
  completed?: Iterable<ResponseRecord>;
  /** Aborting it stops asking new questions; answers in flight still arrive, then the run completes (cancelled). */
  stop?: AbortSignal;
  summary?: RunSummaryOptions;
  /** The run's network, required when `descriptor.influence.network` is set (see `runNetwork`). */
  network?: Network;
  /** Clock for timing and snapshots (tests). */
  now?: () => number;
  scheduler?: SchedulerLike;
}

/**
 * Runs a crowd: asks every persona (x replicates) every item of the task, round after round, and
 * streams what happens as `CrowdEvent`s.
 *
 * 1. `runStarted`, then per round: one `estimateSubmitted` or `estimateFailed` per answer, in
 *    the order answers arrive (a battery's records carry their `item`); `crowdUpdated` snapshots
 *    every N answers or T ms (never per answer at scale; a battery's carry one entry per item);
 *    `roundFinished` with the round's collective measures (one per item for a battery).
 * 2. At most `concurrency` model calls are in flight: that many workers, each asking the next
 *    slot (in ascending order: persona by persona, each persona's items together; see
 *    `RunRounds`) when its answer arrives, so no queue of waiting slots is built.
 * 3. In round r > 0 each agent is shown what `descriptor.influence` says of its own crowd copy
 *    (the same item and replicate: the previous round's aggregate, its network neighbours'
 *    answers, or a seeded sample of others' answers) and its own previous answer; its emotion is
 *    updated by `updateEmotion` first (`SocialInfluence`, one per item, so a persona's emotion in
 *    an item follows the feedback on that item). The record keeps what was shown as one number
 *    (`shown`).
 * 4. Aborting `stop` ends the run gracefully (`runCompleted` with `cancelled: true`);
 *    unsubscribing aborts calls in flight.
 * 5. `runCompleted` carries the summary of the last round, computed from answers sorted by
 *    persona position, so it does not depend on arrival order (a resumed run equals an
 *    uninterrupted one).
 *
 * A failed model call is a value (`estimateFailed`), never a stream error.
 *
 * @example
 * runCrowd({ descriptor, task, personas, agent }).subscribe((event) => console.log(event.type));
 */
export function runCrowd(options: RunCrowdOptions): Observable<CrowdEvent> {
  return defer(() => {
    const { descriptor, task, personas, agent } = options;
    const now = options.now ?? Date.now;
    const startedAt = now();
    const concurrency = Math.max(1, options.concurrency ?? 8);
    const replicates = descriptor.replicates;
    const items = taskItems(task);
    const battery = isBattery(task);
    const itemIndex = new Map(items.map((item, i) => [item.id, i]));
    const runRounds = new RunRounds(descriptor.rounds, items.length, personas.count, replicates);
    const perRound = runRounds.perRound;
    const hardStop = new AbortController();
    // Every call in flight listens to this one signal (a backend's deadline, retry back-off), so
    // up to `concurrency` times a few listeners are expected, not a leak: say so, or Node warns
    // "MaxListenersExceededWarning" from 11 on.
    setMaxListeners(concurrency * 4 + 10, hardStop.signal);
    // Within an item, slot = replicate x personas + position: one crowd copy per replicate.
    const influences = items.map(
      (_, item) =>
        new SocialInfluence({
          influence: descriptor.influence,
          seed: descriptor.seed,
          rounds: runRounds.states.map((states) => states[item] as RoundState),
          crowdSize: personas.count,
          personaAt: (position) => personas.at(position),
          ...(options.network ? { network: options.network } : {}),
        }),
    );

    const stop = precisionStop(descriptor, runRounds, items, battery);
    // Declared before the loop below, which may build it (a resumed sample or shard).
    let positionIndex: Map<number, number> | undefined;
    for (const record of options.completed ?? []) {
      const item = itemIndex.get(record.item ?? (battery ? '' : (items[0]?.id ?? '')));
      const state = item === undefined ? undefined : runRounds.states[record.round]?.[item];
      const position = positionOf(record.personaIndex);
      if (!state || position === undefined) continue;
      const within = record.replicate * personas.count + position;
      if (state.has(within)) continue;
      state.add(within, record);
      // Replaying the stored answers reaches the stop an uninterrupted run reached.
      stop?.record(within, item as number, numberOf(record));
    }

    function positionOf(personaIndex: number): number | undefined {
      // Positions and persona indices coincide unless the list is a sample or a shard.
      if (personaIndex < personas.count && personas.at(personaIndex).index === personaIndex)
        return personaIndex;
      positionIndex ??= buildPositionIndex();
      return positionIndex.get(personaIndex);
    }
    function buildPositionIndex(): Map<number, number> {
      const index = new Map<number, number>();
      for (let p = 0; p < personas.count; p++) index.set(personas.at(p).index, p);
      return index;
    }

    const stopped = (): boolean =>
      options.stop?.aborted === true || hardStop.signal.aborted || stop?.reached === true;

    function ask(round: number, roundSlot: number): Observable<AnsweredSlot> {
      if (stopped()) return EMPTY;
      const item = runRounds.itemOf(roundSlot);
      const slot = runRounds.withinOf(roundSlot);
      const question = items[item] as EstimationTask;
      const influence = influences[item] as SocialInfluence;
      const persona = influence.persona(round, slot);
      const replicate = Math.floor(slot / personas.count);
      const social = influence.social(round, slot);
      const call = (): Promise<PersonaAnswer> =>
        agent.answer(persona, question, {
          runSeed: descriptor.seed,
          replicate,
          round,
          ...(battery ? { item } : {}),
          ...(social ? { social } : {}),
          options: descriptor.generation,
          signal: hardStop.signal,
        });
      // A model that answers at once (the synthetic one) would otherwise keep the whole run in
      // microtasks: every YIELD_EVERY questions, let timers, I/O and signals (Ctrl-C, a viewer's
      // Stop, the response log's flush) have a turn.
      if (++asked % YIELD_EVERY === 0) {
        gate = yieldToEventLoop().then(() => {
          gate = undefined;
        });
      }
      // While a turn is pending every new question waits for it, so the microtask queue drains.
      const answer = gate ? gate.then(() => (stopped() ? undefined : call())) : call();
      // The record is made in the answer's own continuation: one operator per question, not three.
      const answered = answer.then((a): AnsweredSlot | undefined =>
        a === undefined
          ? undefined
          : {
              slot: roundSlot,
              record: toRecord(
                persona,
                replicate,
                round,
                battery ? question.id : undefined,
                a,
                shownValue(social?.shown),
                options.network ? slot - replicate * personas.count : undefined,
              ),
            },
      );
      return from(answered).pipe(filter((a): a is AnsweredSlot => a !== undefined));
    }
    let asked = 0;
    let gate: Promise<void> | undefined;

    function runRound(round: number): Observable<CrowdEvent> {
      return defer(() => {
        if (stopped()) return EMPTY;
        for (const influence of influences) influence.beginRound(round);
        const states = runRounds.states[round] as readonly RoundState[];
        let next = 0;
        // The k-th slot asked: in slot order, or in a stopping crowd's random order (persona by
        // persona, each persona's items together).
        const slotAt = (k: number): number =>
          stop ? runRounds.slotOf(runRounds.itemOf(k), stop.unitAt(runRounds.withinOf(k))) : k;
        // The next slot not answered yet (resumed answers are skipped), or -1 when none is left.
        const takeSlot = (): number => {
          while (next < perRound && runRounds.has(round, slotAt(next))) next++;
          return next < perRound ? slotAt(next++) : -1;
        };
        const askNext = (): Observable<AnsweredSlot> =>
          defer(() => {
            const slot = takeSlot();
            return slot < 0 ? EMPTY : ask(round, slot);
          });
        // `concurrency` workers, each asking the next free slot as soon as its answer arrives:
        // at most `concurrency` calls in flight, slots asked in ascending order, and no queue of
        // waiting slots (a million-slot range into mergeMap would sit in its buffer, whose
        // shift() makes every dequeue O(slots)).
        const answers$ = range(0, Math.min(concurrency, perRound)).pipe(
          mergeMap(() => askNext().pipe(expand(() => askNext()))),
          map(({ slot, record }) => {
            runRounds.add(round, slot, record);
            stop?.record(runRounds.withinOf(slot), runRounds.itemOf(slot), numberOf(record));
            return record;
          }),
        );
        const snapshot = (): CrowdSnapshot =>
          battery ? batterySnapshot(round, states, items) : (states[0] as RoundState).snapshot();
        const events$ = answers$.pipe(
          snapshotEvery(snapshot, {
            everyAnswers: options.snapshotEveryAnswers ?? Math.max(50, Math.ceil(perRound / 100)),
            everyMs: options.snapshotEveryMs ?? 250,
            scheduler: options.scheduler ?? asyncScheduler,
          }),
        );
        return concat(
          events$,
          defer(() =>
            of<CrowdEvent[]>(
              { type: 'crowdUpdated', snapshot: snapshot() },
              ...states.map(
                (state, i): CrowdEvent => ({
                  type: 'roundFinished',
                  stats: roundStats(
                    state,
                    (items[i] as EstimationTask).truth.value,
                    battery ? items[i]?.id : undefined,
                    runRounds.states[round - 1]?.[i],
                  ),
                }),
              ),
            ),
          ),
        );
      });
    }

    const completed$ = defer(() => {
      const elapsedMs = now() - startedAt;
      const stopping = stop?.summary(
        (runRounds.states[0] ?? []).reduce((sum, state) => sum + state.size, 0),
        !(options.stop?.aborted === true || hardStop.signal.aborted),
      );
      const summary = summarizeRun({
        descriptor,
        personas,
        // A crowd stopped at its precision is summarised over the slots it stopped at; answers
        // still in flight then are stored and counted, not summarised.
        rounds: stop?.reached ? runRounds.filter((within) => stop.inCrowd(within)) : runRounds,
        ...(stop?.reached ? { counted: runRounds } : {}),
        ...(stopping ? { stopping } : {}),
        task,
        options: options.summary,
        elapsedMs,
      });
      return of<CrowdEvent>({
        type: 'runCompleted',
        at: new Date().toISOString(),
        cancelled: summary.counts.missing > 0,
        summary,
      });
    });

    return concat(
      of<CrowdEvent>({ type: 'runStarted', at: new Date().toISOString(), run: descriptor }),
      range(0, descriptor.rounds).pipe(concatMap(runRound)),
      completed$,
      // Unsubscribing (or completing) aborts whatever is still in flight.
    ).pipe(finalize(() => hardStop.abort()));
  });
}

/** The run's stop rule at work, if it has one (single round only: later rounds need the whole crowd). */
function precisionStop(
  descriptor: RunDescriptor,
  runRounds: RunRounds,
  items: readonly EstimationTask[],
  battery: boolean,
): PrecisionStop | undefined {
  if (!descriptor.stop) return undefined;
  if (descriptor.rounds !== 1)
    throw new RangeError(
      'a stop rule needs one round: later rounds are shown the whole crowd of the earlier ones',
    );
  return new PrecisionStop({
    rule: descriptor.stop,
    units: runRounds.perItem,
    items: items.map((item) => (battery ? item.id : undefined)),
    seed: descriptor.seed,
  });
}

/** An answer's number, undefined for one without (failed, unparsed). */
function numberOf(record: ResponseRecord): number | undefined {
  return record.status === 'ok' && record.estimate !== undefined && Number.isFinite(record.estimate)
    ? record.estimate
    : undefined;
}

/** An answer's record and the round slot it answers. */
interface AnsweredSlot {
  slot: number;
  record: ResponseRecord;
}

/** Questions between two turns given to the event loop. */
const YIELD_EVERY = 256;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The stored record of an answer. Fields are added one by one in a fixed order (the order of
 * the keys in responses.jsonl) rather than spread from temporary objects: at a million answers
 * the temporaries cost more than the rest of the record.
 */
function toRecord(
  persona: Persona,
  replicate: number,
  round: number,
  item: string | undefined,
  answer: PersonaAnswer,
  shown: number | undefined,
  node: number | undefined,
): ResponseRecord {
  const record = { personaId: persona.id, personaIndex: persona.index } as ResponseRecord;
  if (item !== undefined) record.item = item;
  if (persona.emotion) {
    record.emotion = persona.emotion.label;
    record.emotionModel = persona.emotion.model;
    record.intensity = persona.emotion.intensity;
    if (persona.emotion.spectrum !== undefined) record.spectrum = persona.emotion.spectrum;
    if (persona.emotion.signedIntensity !== undefined)
      record.signedIntensity = persona.emotion.signedIntensity;
  }
  record.attributes = persona.attributes;
  record.replicate = replicate;
  record.round = round;
  if (shown !== undefined) record.shown = shown;
  if (node !== undefined) record.node = node;
  record.status = answer.status;
  if (answer.estimate !== undefined) record.estimate = answer.estimate;
  if (answer.confidence !== undefined) record.confidence = answer.confidence;
  if (answer.isRange) record.isRange = true;
  if (answer.raw !== undefined) record.raw = answer.raw;
  if (answer.reason !== undefined) record.reason = answer.reason;
  record.latencyMs = answer.latencyMs;
  record.tokens = answer.tokens;
  record.cached = answer.cached;
  record.model = answer.model;
  if (answer.host !== undefined) record.host = answer.host;
  if (answer.conduct !== undefined) record.conduct = answer.conduct;
  return record;
}
