import { median } from '../stats/median.js';

/**
 * The previous round's answers of one crowd copy (the personas answering the same item in the
 * same replicate), by node: what the influence rules read to decide what an agent is shown.
 *
 * A node without a number (failed, unparsed, not asked) holds NaN. The mean, the median and the
 * list of answered nodes are computed once, on first use, in node order, so they do not depend
 * on the order the answers arrived in.
 */
export class PeerAnswers {
  private readonly estimates: Float64Array;
  private answeredList: [number, number][] | undefined;
  private meanValue: number | undefined;
  private medianValue: number | undefined;

  /** @param estimates one entry per node, NaN where there is no number */
  constructor(estimates: Float64Array) {
    this.estimates = estimates;
  }

  get nodes(): number {
    return this.estimates.length;
  }

  /** The node's previous estimate, or undefined without one. */
  estimate(node: number): number | undefined {
    const value = this.estimates[node];
    return value === undefined || Number.isNaN(value) ? undefined : value;
  }

  /** Every node with a number as [node, estimate], ascending by node. */
  answered(): readonly (readonly [number, number])[] {
    if (!this.answeredList) {
      const list: [number, number][] = [];
      this.estimates.forEach((value, node) => {
        if (!Number.isNaN(value)) list.push([node, value]);
      });
      this.answeredList = list;
    }
    return this.answeredList;
  }

  /** Mean of the answers (NaN without any). */
  mean(): number {
    if (this.meanValue === undefined) {
      const list = this.answered();
      let sum = 0;
      for (const [, value] of list) sum += value;
      this.meanValue = list.length > 0 ? sum / list.length : Number.NaN;
    }
    return this.meanValue;
  }

  /** Median of the answers (NaN without any). */
  median(): number {
    if (this.medianValue === undefined) {
      const values = this.answered().map(([, value]) => value);
      this.medianValue = values.length > 0 ? median(values) : Number.NaN;
    }
    return this.medianValue;
  }
}
