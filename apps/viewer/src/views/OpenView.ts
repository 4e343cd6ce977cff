import type { RunRow } from '@emocrowd/crowd/analysis';
import { analyzeRecords } from '../data/analyzeRecords.js';
import { api } from '../data/api.js';
import { convergenceFromRecords } from '../data/convergenceFromRecords.js';
import { parseResponsesFile } from '../data/parseResponsesFile.js';
import type { RunState } from '../data/RunModel.js';
import { formatNumber } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';
import { emptyNote } from './emptyNote.js';
import type { View } from './View.js';

/** What the open view asks the app to do. */
export interface OpenActions {
  /** Show a run of the store (replayed through its event stream). */
  openStored(runId: string): void;
  /** Show answers analysed in the browser. */
  openAnalysed(state: RunState): void;
  /** The truth to assume for a file without one (the selected task's). */
  defaultTruth(): { truth: number; unit: string; question: string };
}

/**
 * Open: the runs in the store (newest first, live ones marked) and a drop zone for a
 * `responses.jsonl` or a CSV of estimates, analysed in the browser with crowd's code.
 */
export class OpenView implements View {
  readonly id = 'open';
  readonly label = 'Open';
  readonly element = h('section', { class: 'view', testid: 'view-open' });
  private readonly list = h('div', { testid: 'run-list' });
  private readonly fileInput = h('input', {
    attrs: { type: 'file', accept: '.jsonl,.json,.csv,.txt' },
    testid: 'file-input',
  });
  private readonly truthInput = h('input', {
    attrs: { type: 'number', step: 'any', placeholder: 'truth (for a CSV without one)' },
    testid: 'file-truth',
  });
  private readonly message = h('p', { class: 'note', testid: 'open-message' });
  private readonly actions: OpenActions;

  constructor(actions: OpenActions) {
    this.actions = actions;
    const drop = h(
      'div',
      { class: 'drop', testid: 'drop-zone' },
      h('p', { text: 'Drop a responses.jsonl or a CSV of estimates here, or choose a file.' }),
      this.fileInput,
      h('label', {}, ' Truth: ', this.truthInput),
    );
    drop.addEventListener('dragover', (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      const file = e.dataTransfer?.files[0];
      if (file) void this.openFile(file);
    });
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      if (file) void this.openFile(file);
    });
    this.element.append(
      h(
        'div',
        { class: 'panel' },
        h(
          'div',
          { class: 'panel-head' },
          h('h3', { text: 'Runs in the store' }),
          h('button', { text: 'Refresh', on: { click: () => void this.refresh() } }),
        ),
        this.list,
      ),
      h('div', { class: 'panel' }, h('h3', { text: 'Open a file' }), drop, this.message),
    );
  }

  render(): void {
    void this.refresh();
  }

  /** Reloads the run list. */
  async refresh(): Promise<void> {
    let runs: RunRow[];
    try {
      runs = await api.runs();
    } catch (error) {
      this.list.replaceChildren(
        h('p', { class: 'error', text: `Cannot list runs: ${(error as Error).message}` }),
      );
      return;
    }
    if (runs.length === 0) {
      this.list.replaceChildren(
        emptyNote(
          'No runs in the store yet. Start one with the panel on the left, or run "npx emocrowd run".',
        ),
      );
      return;
    }
    this.list.replaceChildren(
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['started', 'task', 'model', 'personas', 'state', 'median', ''].map((c) =>
              h('th', { text: c }),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...runs.map((run) =>
            h(
              'tr',
              { dataset: { run: run.runId } },
              h('td', { text: run.createdAt ? new Date(run.createdAt).toLocaleString() : '' }),
              h('td', { text: run.task ?? '' }),
              h('td', { text: run.model ?? '' }),
              h('td', { class: 'num', text: run.personas === undefined ? '' : String(run.personas) }),
              h('td', { text: run.live ? (run.status ?? 'running') : (run.state ?? run.status ?? '') }),
              h('td', { class: 'num', text: formatNumber(run.median) }),
              h(
                'td',
                {},
                h('button', {
                  text: 'Open',
                  testid: `open-${run.runId}`,
                  on: { click: () => this.actions.openStored(run.runId) },
                }),
              ),
            ),
          ),
        ),
      ),
    );
  }

  private async openFile(file: File): Promise<void> {
    this.message.textContent = `Reading ${file.name}…`;
    try {
      const parsed = parseResponsesFile(file.name, await file.text());
      const items = new Set(parsed.records.flatMap((r) => (r.item === undefined ? [] : [r.item])));
      if (items.size > 0) {
        throw new Error(
          `its answers are of a battery of ${items.size} items, whose truths the file does not hold; open the run from the list above (its run.json has them)`,
        );
      }
      const fallback = this.actions.defaultTruth();
      const typed = Number(this.truthInput.value);
      const truth =
        this.truthInput.value.trim() !== '' && Number.isFinite(typed)
          ? typed
          : (parsed.truth ?? fallback.truth);
      const { summary, rounds } = analyzeRecords(parsed.records, truth);
      const ok = parsed.records.filter((r) => r.status === 'ok').length;
      this.message.textContent = `${file.name}: ${parsed.records.length} answers, ${ok} with a number${parsed.estimateColumn ? ` (column "${parsed.estimateColumn}")` : ''}; truth ${formatNumber(truth)}${parsed.truth === undefined && this.truthInput.value.trim() === '' ? " (the selected task's; type another above)" : ''}.`;
      this.actions.openAnalysed({
        origin: 'file',
        runId: file.name,
        title: file.name,
        question: parsed.truth === undefined ? fallback.question : '',
        unit: parsed.truth === undefined ? fallback.unit : '',
        truth,
        items: [
          {
            id: file.name,
            question: parsed.truth === undefined ? fallback.question : '',
            unit: parsed.truth === undefined ? fallback.unit : '',
            truth,
            truthSource: '',
          },
        ],
        item: file.name,
        status: 'completed',
        expected: parsed.records.length,
        records: parsed.records,
        ok,
        failed: parsed.records.length - ok,
        snapshots: convergenceFromRecords(parsed.records),
        rounds,
        summary,
      });
    } catch (error) {
      this.message.textContent = `Cannot open ${file.name}: ${(error as Error).message}`;
    }
  }
}
