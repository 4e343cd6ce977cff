import type { CrowdSample, ResponseRecord } from '@emocrowd/crowd/analysis';

/**
 * The crowd of one round as crowd's statistics take it: the parsed estimates in persona order
 * (replicate, then persona index), with confidence and group labels per judge (`emotion`, the
 * emotion model's name as `plutchik` when the labels are Plutchik's, and every attribute key).
 *
 * Only reshapes data; every statistic is computed by `@emocrowd/crowd`.
 *
 * @param records answers (any rounds).
 * @param round the round to take.
 * @returns the sample (empty `values` when the round has no parsed answer).
 */
export function sampleFromRecords(records: readonly ResponseRecord[], round: number): CrowdSample {
  const ok = records
    .filter(
      (r) =>
        r.round === round &&
        r.status === 'ok' &&
        typeof r.estimate === 'number' &&
        Number.isFinite(r.estimate),
    )
    .sort((a, b) => a.replicate - b.replicate || a.personaIndex - b.personaIndex);
  const keys = new Set<string>();
  for (const r of ok) for (const key of Object.keys(r.attributes ?? {})) keys.add(key);
  const groups: Record<string, string[]> = {};
  if (ok.some((r) => r.emotion !== undefined)) {
    groups.emotion = ok.map((r) => r.emotion ?? 'none');
    if (ok.every((r) => r.emotionModel === 'plutchik')) groups.plutchik = groups.emotion;
  }
  for (const key of keys) groups[key] = ok.map((r) => r.attributes?.[key] ?? 'unknown');
  const confidence = ok.map((r) => r.confidence);
  return {
    values: ok.map((r) => r.estimate as number),
    ...(confidence.some((c) => c !== undefined) ? { confidence } : {}),
    ...(Object.keys(groups).length > 0 ? { groups } : {}),
  };
}
