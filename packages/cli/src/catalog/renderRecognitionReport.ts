import type { RecognitionReport } from '@emocrowd/models';
import { formatNumber, renderTable } from '../output/renderTable.js';

/** What was evaluated, for the report's header. */
export interface RecognitionRun {
  /** e.g. "builtin" or "ollama:emollama". */
  model: string;
  split: string;
  /** Rows asked. */
  n: number;
  unparsed: number;
  failed: number;
  seconds: number;
}

const f3 = (v: number): string => v.toFixed(3);

/**
 * Renders a recognition report for the terminal: headline scores, per-class precision, recall,
 * F1, support and predictions, and, for the 7 Ekman or 4 sentiment classes, the confusion matrix
 * of single-label rows (gold down, predicted across). The 28x28 GoEmotions matrix does not fit
 * a terminal; it is in `--json`.
 *
 * @param report - the scores (`evaluateRecognition`)
 * @param run - model, split and counts
 * @returns the text, ending with a newline
 */
export function renderRecognitionReport(report: RecognitionReport, run: RecognitionRun): string {
  const out: string[] = [];
  out.push(
    `emotion recognition: ${run.model} on GoEmotions ${run.split} (${run.n.toLocaleString('en-US')} rows), ${report.level} labels (${report.labels.length}), ${run.seconds.toFixed(1)} s`,
  );
  if (run.unparsed > 0 || run.failed > 0)
    out.push(`  ${run.unparsed} answers named no label, ${run.failed} calls failed (both count as wrong)`);
  out.push('');
  out.push(`  accuracy (exact set)  ${f3(report.accuracy)}`);
  out.push(`  any-label accuracy    ${f3(report.anyOverlap)}`);
  out.push(`  macro-F1              ${f3(report.macroF1)}`);
  out.push(`  micro-F1              ${f3(report.microF1)}`);
  out.push('');
  out.push(
    renderTable(
      [
        { header: 'class' },
        { header: 'precision', align: 'right' },
        { header: 'recall', align: 'right' },
        { header: 'F1', align: 'right' },
        { header: 'support', align: 'right' },
        { header: 'predicted', align: 'right' },
      ],
      report.perClass.map((c) => [
        c.label,
        f3(c.precision),
        f3(c.recall),
        f3(c.f1),
        formatNumber(c.support, 0),
        formatNumber(c.predicted, 0),
      ]),
    ).trimEnd(),
  );
  if (report.labels.length <= 8) {
    out.push('');
    out.push(
      `confusion matrix (gold down, predicted across; ${report.confusion.rows.toLocaleString('en-US')} single-label rows, ${report.confusion.excluded.toLocaleString('en-US')} others left out):`,
    );
    const abbrev = report.labels.map((l) => l.slice(0, 4));
    out.push(
      renderTable(
        [{ header: 'gold' }, ...abbrev.map((a) => ({ header: a, align: 'right' as const }))],
        report.confusion.matrix.map((row, g) => [
          report.labels[g] as string,
          ...row.map((n) => formatNumber(n, 0)),
        ]),
      ).trimEnd(),
    );
  } else {
    out.push('', `confusion matrix: ${report.labels.length}x${report.labels.length}, in --json`);
  }
  return `${out.join('\n')}\n`;
}
