import type { SocialShown } from '@emocrowd/agents';
import { createRng } from '@emocrowd/models';
import type { InfluenceConfig } from '../events/RunDescriptor.js';
import type { Network } from '../networks/Network.js';
import { median } from '../stats/median.js';
import type { PeerAnswers } from './PeerAnswers.js';

/** Who is asking: the agent's node in its crowd and its slot in the run (for its random stream). */
export interface ShownTo {
  round: number;
  node: number;
  slot: number;
}

/**
 * What one agent is shown of the others before answering round `round` (> 0), from the previous
 * round's answers of its own crowd copy (same item, same replicate).
 *
 * 1. `aggregate`: the mean or median of the copy's previous answers (`aggregate`, default median).
 * 2. `neighbours` on a network: the previous answers of the agent's own network neighbours that
 *    have a number, in node order (`show: values`), or their mean or median.
 * 3. `neighbours` without a network: `neighbours` (default 5) answers of others drawn uniformly
 *    with replacement from the copy's answers, afresh every round, from the stream
 *    `createRng(seed).fork('neighbours:<round>:<slot>')`; at most 4k draws (drawing oneself is
 *    skipped), nothing when the agent is the only one with an answer.
 * 4. `none`, or nothing to show (no neighbour answered): undefined.
 *
 * @param config the run's influence
 * @param network the run's network (required when `config.network` is set)
 * @param seed the run's seed
 * @param who the agent
 * @param peers the previous round's answers of the agent's copy
 * @returns what the agent is shown, or undefined
 */
export function shownToAgent(
  config: InfluenceConfig,
  network: Network | undefined,
  seed: number,
  who: ShownTo,
  peers: PeerAnswers,
): SocialShown | undefined {
  if (config.kind === 'none') return undefined;
  if (config.kind === 'aggregate') {
    const which = config.aggregate ?? 'median';
    const value = which === 'mean' ? peers.mean() : peers.median();
    return Number.isFinite(value) ? { kind: 'aggregate', label: which, value } : undefined;
  }
  if (config.network) {
    if (!network) throw new Error(`the run's network (${config.network.spec}) was not given`);
    const values: number[] = [];
    for (const neighbour of network.neighbours(who.node)) {
      const value = peers.estimate(neighbour);
      if (value !== undefined) values.push(value);
    }
    if (values.length === 0) return undefined;
    const show = config.show ?? 'values';
    if (show === 'values') return { kind: 'neighbours', values };
    const value = show === 'mean' ? values.reduce((s, v) => s + v, 0) / values.length : median(values);
    return { kind: 'aggregate', label: show, value };
  }
  const k = config.neighbours ?? 5;
  const rng = createRng(seed).fork(`neighbours:${who.round}:${who.slot}`);
  const pool = peers.answered();
  const values: number[] = [];
  for (let tries = 0; values.length < k && tries < k * 4 && pool.length > 1; tries++) {
    const pick = pool[rng.int(pool.length)] as readonly [number, number];
    if (pick[0] !== who.node) values.push(pick[1]);
  }
  return { kind: 'neighbours', values };
}

/**
 * What was shown as one number: the aggregate, or the mean of the answers shown (the convention
 * of Becker, Brackbill & Centola 2017, whose revision weight compares an answer's change with the
 * distance to the neighbours' mean). Undefined when nothing was shown.
 */
export function shownValue(shown: SocialShown | undefined): number | undefined {
  if (shown === undefined) return undefined;
  if (shown.kind === 'aggregate') return shown.value;
  if (shown.values.length === 0) return undefined;
  let sum = 0;
  for (const v of shown.values) sum += v;
  return sum / shown.values.length;
}
