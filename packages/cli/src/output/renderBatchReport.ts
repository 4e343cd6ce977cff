import { type BatchRequestIdentity, describeIdentity } from '@emocrowd/crowd';
import type { RunBatchExport } from '../batch/exportRunBatch.js';
import type { RunBatchImport } from '../batch/importRunBatch.js';
import type { Colors } from './colors.js';

/** Requests listed by identity in a report at most; the rest are counted. */
const LISTED = 10;

/**
 * What an export wrote, for stderr: the round, the files with their request counts, the
 * answers the cache gave, and what to do next.
 */
export function renderBatchExport(report: RunBatchExport, dir: string): string {
  if (report.round === undefined || !report.entry)
    return report.fromCache > 0
      ? `${report.fromCache} answers came from the response cache; nothing left to export in ${dir}\n`
      : `every answer of ${dir} is stored; nothing to export\n`;
  const files = report.entry.files.map(
    (f) =>
      `  ${f.path}  ${f.lines.toLocaleString('en-US')} requests, ${f.bytes.toLocaleString('en-US')} bytes`,
  );
  return [
    `exported ${report.requests.toLocaleString('en-US')} requests of round ${report.round}${report.retried > 0 ? ` (${report.retried} failed ones asked again)` : ''}${report.fromCache > 0 ? `; ${report.fromCache} answered from the response cache` : ''}:`,
    ...files,
    `answer them (vllm run-batch, or emocrowd batch submit ${dir}), then: emocrowd batch import ${dir} RESULTS.jsonl...`,
    '',
  ].join('\n');
}

/**
 * What an import stored and what is left, for stderr: answers by status, lines already stored,
 * then the requests still missing or failed (the first ten of each) and the command that asks
 * them again.
 */
export function renderBatchImport(report: RunBatchImport, dir: string, colors: Colors): string {
  const i = report.imported;
  const out = [
    `imported ${(i.ok + i.unparsed + i.failed).toLocaleString('en-US')} answers${report.round !== undefined ? ` of round ${report.round}` : ''} (${i.ok} ok, ${i.unparsed} unparsed, ${i.failed} failed${report.replaced > 0 ? `; ${report.replaced} failures replaced` : ''})${report.alreadyStored > 0 ? `; ${report.alreadyStored} already stored` : ''}${report.notRun > 0 ? `; ${report.notRun} never run by the batch` : ''}`,
  ];
  const list = (what: string, ids: BatchRequestIdentity[], count: number) => {
    if (count === 0) return;
    out.push(colors.yellow(`${count} requests ${what}:`));
    for (const id of ids.slice(0, LISTED)) out.push(`  ${describeIdentity(id)}`);
    if (count > LISTED) out.push(`  ... and ${count - LISTED} more (all of them with --json)`);
  };
  list(`of round ${report.round} still missing`, report.missing, report.missingCount);
  list(`of round ${report.round} failed`, report.failed, report.failedCount);
  if (report.missingCount > 0 || report.failedCount > 0)
    out.push(
      `ask them again on their own: emocrowd batch export ${dir}${report.failedCount > 0 ? ' --include-failed' : ''}`,
    );
  else if (!report.complete)
    out.push(`round ${report.round} is answered; export the next: emocrowd batch export ${dir}`);
  out.push('');
  return out.join('\n');
}
