import { samplePositions } from '@emocrowd/agents';
import type { PersonaList } from '@emocrowd/crowd';
import type { Rng } from '@emocrowd/models';

/** A fraction of a crowd, `numerator / denominator` (e.g. 1/56). */
export interface CrowdScale {
  numerator: number;
  denominator: number;
}

/**
 * A seeded fraction of a crowd: max(1, round(count x numerator / denominator)) personas drawn
 * without replacement with `rng`, kept in the crowd's own order.
 *
 * Intuition: a rehearsal should ask the same kind of crowd, only fewer of them. Drawing the
 * positions from the run seed's "scale" stream makes the fraction a pure function of (crowd,
 * scale, seed): two runs of one study with the same personas and seed ask the same sub-crowd,
 * so their answers can still be paired persona by persona.
 *
 * @param list the whole crowd (after any emotion filter, before sharding)
 * @param scale the fraction; undefined or 1/1 keeps the crowd
 * @param rng the stream to draw from (`createRng(seed).fork('scale')`)
 * @returns the sub-crowd
 */
export function scaleList(list: PersonaList, scale: CrowdScale | undefined, rng: Rng): PersonaList {
  if (!scale || scale.numerator >= scale.denominator) return list;
  const size = Math.max(1, Math.round((list.count * scale.numerator) / scale.denominator));
  const positions = samplePositions(list.count, Math.min(size, list.count), rng).sort((a, b) => a - b);
  return {
    count: positions.length,
    at: (position) => {
      const at = positions[position];
      if (at === undefined) throw new RangeError(`no persona at position ${position} of the scaled crowd`);
      return list.at(at);
    },
  };
}
