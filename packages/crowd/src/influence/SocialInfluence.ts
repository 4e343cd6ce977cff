import type { Persona, SocialContext } from '@emocrowd/agents';
import { updateEmotion } from '@emocrowd/agents';
import type { InfluenceConfig } from '../events/RunDescriptor.js';
import type { Network } from '../networks/Network.js';
import type { RoundState } from '../run/RoundState.js';
import { PeerAnswers } from './PeerAnswers.js';
import { type ShownTo, shownToAgent, shownValue } from './shownToAgent.js';

/** What a run's social influence needs to know. */
export interface SocialInfluenceOptions {
  influence: InfluenceConfig;
  seed: number;
  /** The run's rounds, filled as answers arrive (read only). */
  rounds: readonly RoundState[];
  /**
   * Personas in one crowd copy. Slots of one copy (the same item and replicate) are the
   * consecutive block [copy x crowdSize, (copy + 1) x crowdSize); node = slot mod crowdSize.
   */
  crowdSize: number;
  /** The persona at a node (its base emotion is updated from round to round). */
  personaAt(node: number): Persona;
  /** The run's network, when `influence.network` is set. */
  network?: Network;
}

/**
 * The dynamics of a run between rounds, kept apart from how the run asks its questions: what
 * each agent is shown of its crowd and how its emotion responds to that (Mesa keeps a model's
 * dynamics apart from its scheduler the same way).
 *
 * 1. `beginRound(r)` (before round r is asked) updates every agent's emotion from what it is
 *    shown next to its own previous answer (`updateEmotion` with feedback own/shown, shown being
 *    `shownValue`), for agents with an emotion, a previous number and something shown.
 * 2. `social(r, slot)` is the agent's social context: its own previous estimate and what
 *    `shownToAgent` shows it of its copy's previous answers; undefined in round 0.
 * 3. `persona(r, slot)` is the persona with its emotion as updated for round r.
 *
 * Everything is a function of the previous round's answers and the seed, so a resumed run
 * shows agents exactly what the uninterrupted run would have.
 */
export class SocialInfluence {
  private readonly options: SocialInfluenceOptions;
  private readonly emotions = new Map<number, Persona['emotion']>();
  private readonly peers = new Map<string, PeerAnswers>();

  constructor(options: SocialInfluenceOptions) {
    if (options.influence.network && !options.network)
      throw new Error(`the run's network (${options.influence.network.spec}) was not given`);
    if (options.network && options.network.nodes !== options.crowdSize)
      throw new RangeError(
        `the network has ${options.network.nodes} nodes but the crowd ${options.crowdSize} personas`,
      );
    this.options = options;
  }

  /** Prepares round `round`: the emotions agents bring to it. */
  beginRound(round: number): void {
    for (const key of this.peers.keys()) if (!key.startsWith(`${round - 1}:`)) this.peers.delete(key);
    if (round === 0) return;
    const previous = this.options.rounds[round - 1];
    if (!previous) return;
    for (let slot = 0; slot < previous.total; slot++) {
      const current = this.emotions.get(slot) ?? this.personaOf(slot).emotion;
      if (current === undefined) continue;
      const social = this.social(round, slot);
      const own = social?.previousEstimate;
      const shown = shownValue(social?.shown);
      if (own === undefined || shown === undefined) continue;
      this.emotions.set(slot, updateEmotion(current, { kind: 'feedback', own, shown }));
    }
  }

  /** The agent's social context in round `round`, or undefined (round 0, nothing to say). */
  social(round: number, slot: number): SocialContext | undefined {
    if (round === 0) return undefined;
    const { crowdSize } = this.options;
    const node = slot % crowdSize;
    const peers = this.peersOf(round - 1, (slot - node) / crowdSize);
    const previousEstimate = peers.estimate(node);
    const who: ShownTo = { round, node, slot };
    const shown = shownToAgent(this.options.influence, this.options.network, this.options.seed, who, peers);
    if (previousEstimate === undefined && shown === undefined) return undefined;
    return {
      ...(previousEstimate === undefined ? {} : { previousEstimate }),
      ...(shown === undefined ? {} : { shown }),
    };
  }

  /** The persona of a slot as it enters round `round` (with its updated emotion). */
  persona(round: number, slot: number): Persona {
    const base = this.personaOf(slot);
    if (round === 0 || base.emotion === undefined) return base;
    const emotion = this.emotions.get(slot) ?? base.emotion;
    return emotion === base.emotion ? base : { ...base, emotion };
  }

  private personaOf(slot: number): Persona {
    return this.options.personaAt(slot % this.options.crowdSize);
  }

  /** The answers of copy `copy` in round `round`, read once per round and copy. */
  private peersOf(round: number, copy: number): PeerAnswers {
    const key = `${round}:${copy}`;
    let peers = this.peers.get(key);
    if (!peers) {
      const { crowdSize } = this.options;
      const state = this.options.rounds[round] as RoundState;
      const estimates = new Float64Array(crowdSize).fill(Number.NaN);
      const first = copy * crowdSize;
      for (let node = 0; node < crowdSize; node++) {
        const lite = state.get(first + node);
        if (lite?.status === 'ok' && lite.estimate !== undefined) estimates[node] = lite.estimate;
      }
      peers = new PeerAnswers(estimates);
      this.peers.set(key, peers);
    }
    return peers;
  }
}
