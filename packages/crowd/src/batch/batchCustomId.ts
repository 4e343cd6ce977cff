import { createHash } from 'node:crypto';
import type { ResponseRecord } from '../events/ResponseRecord.js';

/** Which answer of a run a batch request asks for: the identity of its record. */
export type BatchRequestIdentity = Pick<ResponseRecord, 'round' | 'replicate' | 'personaIndex' | 'item'>;

/** A batch request's id, read back. */
export interface ParsedBatchCustomId {
  /** The run's tag ({@link batchRunTag}). */
  runTag: string;
  identity: BatchRequestIdentity;
  /** The first 12 hex characters of the request body's digest (`requestDigest`). */
  digest: string;
}

/** Hex characters of the request digest a custom_id carries. */
export const CUSTOM_ID_DIGEST_LENGTH = 12;

/**
 * The tag naming a run in its batch requests' ids: the first 8 hex characters of the SHA-256 of
 * its run id (a run id is too long for a custom_id kept within 64 characters).
 *
 * @param runId the run's id (run.json `descriptor.runId`)
 * @returns 8 hex characters
 */
export function batchRunTag(runId: string): string {
  return createHash('sha256').update(runId).digest('hex').slice(0, 8);
}

/**
 * The `custom_id` of one batch request: `ec-<run tag>_p<persona index>_r<replicate>_t<round>`,
 * then `_i<item>` for an item of a battery, then `_<the first 12 hex characters of the body's
 * digest>`. It names the run, the answer the request is for (the identity of its record) and the
 * exact request, so an answer is refused when it belongs to another run or to a request the
 * run no longer asks. Only letters, digits, `-` and `_`; an item id with other characters is
 * written as `_I` and its UTF-8 bytes in hex.
 *
 * @example
 * batchCustomId('1a2b3c4d', { personaIndex: 12, replicate: 0, round: 1 }, '9f86d081884c7d65...');
 * // 'ec-1a2b3c4d_p12_r0_t1_9f86d081884c'
 *
 * @param runTag the run's tag
 * @param identity persona index, replicate, round, and item
 * @param digest the request body's digest (at least 12 hex characters)
 * @returns the id
 */
export function batchCustomId(runTag: string, identity: BatchRequestIdentity, digest: string): string {
  const item =
    identity.item === undefined
      ? ''
      : /^[A-Za-z0-9-]+$/.test(identity.item)
        ? `_i${identity.item}`
        : `_I${Buffer.from(identity.item, 'utf8').toString('hex')}`;
  return `ec-${runTag}_p${identity.personaIndex}_r${identity.replicate}_t${identity.round}${item}_${digest.slice(0, CUSTOM_ID_DIGEST_LENGTH)}`;
}

const PATTERN =
  /^ec-([0-9a-f]{8})_p(\d+)_r(\d+)_t(\d+)(?:_i([A-Za-z0-9-]+)|_I((?:[0-9a-f]{2})+))?_([0-9a-f]{12})$/;

/**
 * Reads a `custom_id` written by {@link batchCustomId}.
 *
 * @param customId the id
 * @returns its parts, or undefined when it is not one of emocrowd's
 */
export function parseBatchCustomId(customId: string): ParsedBatchCustomId | undefined {
  const m = PATTERN.exec(customId);
  if (!m) return undefined;
  const item = m[5] ?? (m[6] !== undefined ? Buffer.from(m[6], 'hex').toString('utf8') : undefined);
  return {
    runTag: m[1] as string,
    identity: {
      personaIndex: Number(m[2]),
      replicate: Number(m[3]),
      round: Number(m[4]),
      ...(item !== undefined ? { item } : {}),
    },
    digest: m[7] as string,
  };
}

/**
 * An identity as people read it: "persona 12, replicate 0, round 1" (and ", item q3").
 * @param identity the identity
 */
export function describeIdentity(identity: BatchRequestIdentity): string {
  return `persona ${identity.personaIndex}, replicate ${identity.replicate}, round ${identity.round}${identity.item !== undefined ? `, item ${identity.item}` : ''}`;
}
