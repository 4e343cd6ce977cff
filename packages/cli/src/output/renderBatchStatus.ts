import type { BatchLedger } from '@emocrowd/crowd';
import { renderTable } from './renderTable.js';

/** The batches of a run, one row per exported file: round, file, requests, batch, status, counts, imported. */
export function renderBatchStatus(ledger: BatchLedger | undefined, dir: string): string {
  if (!ledger || ledger.exports.length === 0)
    return `${dir} has no batch export yet (emocrowd batch export ${dir})\n`;
  const rows = ledger.exports.flatMap((entry) =>
    entry.files.map((f) => [
      String(entry.round),
      f.path,
      f.lines.toLocaleString('en-US'),
      f.batchId ?? (f.fileId ? `(uploaded ${f.fileId})` : '-'),
      f.status ?? (f.batchId ? '?' : 'not submitted'),
      f.counts ? `${f.counts.completed}/${f.counts.failed}/${f.counts.total}` : '',
      f.importedAt ? 'yes' : 'no',
    ]),
  );
  const failures = ledger.exports.flatMap((e) =>
    e.files.filter((f) => f.error).map((f) => `${f.batchId}: ${f.error}`),
  );
  return `${renderTable(
    [
      { header: 'round', align: 'right' },
      { header: 'file' },
      { header: 'requests', align: 'right' },
      { header: 'batch' },
      { header: 'status' },
      { header: 'done/failed/total', align: 'right' },
      { header: 'imported' },
    ],
    rows,
  )}\n${failures.map((f) => `failed: ${f}\n`).join('')}`;
}
