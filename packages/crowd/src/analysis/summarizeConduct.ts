import type { AggregationStrategy } from '../strategies/AggregationStrategy.js';
import { orderLabels } from './breakdown.js';
import type { ScoredAggregate } from './scoreStrategies.js';
import type { CrowdMetrics } from './summarizeEstimates.js';
import { summarizeEstimates } from './summarizeEstimates.js';

/** One answer as the conduct summary sees it. */
export interface ConductRow {
  /** The answer the crowd uses: the revision when there was one that gave a number. */
  estimate: number;
  verdict: 'ok' | 'violation' | 'unjudged';
  virtue?: string | undefined;
  vice?: string | undefined;
  revised: boolean;
  /** The first answer's estimate when revised. */
  originalEstimate?: number | undefined;
  /** The emotion label at the time of the answer. */
  emotion: string;
  /** BEAM personas: the spectrum and the signed intensity they were given, and its word. */
  spectrum?: string | undefined;
  level?: number | undefined;
  word?: string | undefined;
}

/** Shares flagged and revised in one group of answers. */
export interface ConductGroup {
  /** The group: an emotion label, or `<spectrum> <level>`. */
  label: string;
  /** Answers judged (ok or violation). */
  judged: number;
  flagged: number;
  revised: number;
  /** flagged / judged (`NaN` when none was judged). */
  flaggedShare: number;
  /** revised / judged. */
  revisedShare: number;
}

/** The crowd's answers before or after revision: every strategy and the wisdom-of-crowds metrics. */
export interface ConductCrowd {
  n: number;
  aggregates: Record<string, ScoredAggregate>;
  metrics: CrowdMetrics;
}

/** What the conduct check did to a crowd (`conduct` of the run summary). */
export interface ConductSummary {
  /** The code of conduct's name. */
  code: string;
  /** The judge's model id ("synthetic": the heuristic judge). */
  judge: string;
  /** Answers with a number that went through the check. */
  n: number;
  judged: number;
  flagged: number;
  revised: number;
  /** Answers the judge gave no verdict on (its call failed, or its answer was unreadable). */
  unjudged: number;
  flaggedShare: number;
  revisedShare: number;
  /** Flagged answers per vice, most frequent first (vice "unnamed" when the judge named none). */
  byVice: { virtue: string; vice: string; n: number }[];
  /** Per emotion label, ascending. */
  byEmotion: ConductGroup[];
  /** Per BEAM spectrum and level, when the personas had BEAM emotions. */
  bySpectrumLevel?: (ConductGroup & { spectrum: string; level: number; word?: string })[];
  /** The crowd of first answers. */
  before: ConductCrowd;
  /** The same answers after revision. */
  after: ConductCrowd;
}

/** Options of {@link summarizeConduct}. */
export interface ConductSummaryOptions {
  code: string;
  judge: string;
  strategies?: readonly (string | AggregationStrategy)[];
  seed?: number | string;
}

/**
 * The conduct check of a crowd: how many answers the judge flagged and how many were revised,
 * per emotion and per BEAM spectrum level, and the crowd's aggregates and metrics before and after
 * revision — does ethical self-correction change the wisdom of the crowd?
 *
 * Behaviour: the rows are the answers with a number that went through the check; "before" is
 * each answer's first estimate (`originalEstimate` when revised, else its estimate), "after" the
 * estimate the crowd uses, so both crowds have the same members. Shares are over judged answers
 * (`NaN` when none was). Before and after are `summarizeEstimates` without subsets or groups.
 *
 * @param rows - the answers
 * @param truth - the true value
 * @param options - code and judge names, strategies, seed
 * @returns the summary, or undefined without rows
 */
export function summarizeConduct(
  rows: readonly ConductRow[],
  truth: number,
  options: ConductSummaryOptions,
): ConductSummary | undefined {
  if (rows.length === 0) return undefined;
  const judged = rows.filter((r) => r.verdict !== 'unjudged');
  const flagged = judged.filter((r) => r.verdict === 'violation');
  const revised = rows.filter((r) => r.revised).length;
  const crowd = (values: number[]): ConductCrowd => {
    const s = summarizeEstimates({ values }, truth, {
      ...(options.strategies ? { strategies: options.strategies } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    });
    return { n: values.length, aggregates: s.aggregates, metrics: s.metrics };
  };
  const summary: ConductSummary = {
    code: options.code,
    judge: options.judge,
    n: rows.length,
    judged: judged.length,
    flagged: flagged.length,
    revised,
    unjudged: rows.length - judged.length,
    flaggedShare: share(flagged.length, judged.length),
    revisedShare: share(revised, judged.length),
    byVice: byVice(flagged),
    byEmotion: groupsOf(rows, (r) => r.emotion).map(([label, members]) => group(label, members)),
    before: crowd(rows.map((r) => (r.revised ? (r.originalEstimate ?? r.estimate) : r.estimate))),
    after: crowd(rows.map((r) => r.estimate)),
  };
  const beam = rows.filter((r) => r.spectrum !== undefined && r.level !== undefined);
  if (beam.length > 0) {
    summary.bySpectrumLevel = groupsOf(beam, (r) => `${r.spectrum} ${r.level}`)
      .map(([label, members]) => {
        const first = members[0] as ConductRow;
        return {
          ...group(label, members),
          spectrum: first.spectrum as string,
          level: first.level as number,
          ...(first.word !== undefined ? { word: first.word } : {}),
        };
      })
      .sort((a, b) => a.spectrum.localeCompare(b.spectrum) || a.level - b.level);
  }
  return summary;
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : Number.NaN;
}

function groupsOf(rows: readonly ConductRow[], key: (r: ConductRow) => string): [string, ConductRow[]][] {
  const groups = new Map<string, ConductRow[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return orderLabels(groups.keys()).map((label) => [label, groups.get(label) as ConductRow[]]);
}

function group(label: string, members: readonly ConductRow[]): ConductGroup {
  const judged = members.filter((r) => r.verdict !== 'unjudged').length;
  const flagged = members.filter((r) => r.verdict === 'violation').length;
  const revised = members.filter((r) => r.revised).length;
  return {
    label,
    judged,
    flagged,
    revised,
    flaggedShare: share(flagged, judged),
    revisedShare: share(revised, judged),
  };
}

function byVice(flagged: readonly ConductRow[]): { virtue: string; vice: string; n: number }[] {
  const counts = new Map<string, { virtue: string; vice: string; n: number }>();
  for (const row of flagged) {
    const vice = row.vice ?? 'unnamed';
    const entry = counts.get(vice) ?? { virtue: row.virtue ?? 'unnamed', vice, n: 0 };
    entry.n++;
    counts.set(vice, entry);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.vice.localeCompare(b.vice));
}
