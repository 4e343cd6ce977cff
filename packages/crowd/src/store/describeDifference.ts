import type { RunDescriptor } from '../events/RunDescriptor.js';

/** The parts of a descriptor compared, in the order a difference is reported. */
const PARTS = [
  'task',
  'model',
  'personas',
  'seed',
  'replicates',
  'rounds',
  'influence',
  'generation',
  'strategies',
  'conduct',
] as const satisfies readonly (keyof Omit<RunDescriptor, 'runId'>)[];

/**
 * Names the first part of two run descriptors that differs, or `undefined` when they describe
 * the same run.
 *
 * The run id is not compared, nor what does not change the answers: the model's and the conduct
 * judge's hosts (a run may continue on other servers) and Ollama's keep-alive; nor the model's
 * capabilities, which follow from the backend and model compared (and which runs made before they
 * were recorded lack). Objects compare by content, whatever
 * their key order.
 *
 * @param a one descriptor.
 * @param b the other.
 * @returns `task`, `model`, `persona selection`, `seed`, `replicates`, `rounds`, `influence`,
 *   `generation`, `strategies` or `conduct`; `undefined` when none differs.
 */
export function describeDifference(
  a: Omit<RunDescriptor, 'runId'>,
  b: Omit<RunDescriptor, 'runId'>,
): string | undefined {
  for (const part of PARTS) {
    if (canonical(comparable(a, part)) !== canonical(comparable(b, part)))
      return part === 'personas' ? 'persona selection' : part;
  }
  return undefined;
}

function comparable(d: Omit<RunDescriptor, 'runId'>, part: (typeof PARTS)[number]): unknown {
  if (part === 'model') return { ...d.model, hosts: undefined, capabilities: undefined };
  if (part === 'generation') return { ...d.generation, keepAlive: undefined };
  if (part === 'conduct' && d.conduct)
    return { ...d.conduct, judge: { ...d.conduct.judge, hosts: undefined } };
  return d[part];
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)),
        )
      : v,
  );
}
