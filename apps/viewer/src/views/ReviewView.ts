import type { ConductReviewEntry, ReviewDecisions, ReviewInfo } from '@emocrowd/crowd/analysis';
import { api } from '../data/api.js';
import type { RunState } from '../data/RunModel.js';
import { formatNumber } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';
import { emptyNote } from './emptyNote.js';
import type { View } from './View.js';

/**
 * Review: a person accepts or rejects the conduct judge's verdicts of a stored run, the same
 * review `emocrowd conduct review RUN` writes to `conduct-review.yaml` (the two stay in step:
 * both read and write that file). Each answer shows the judge's verdict and note; the reviewer
 * picks accept or reject, the vice an "ok" answer shows when rejecting it, and a comment; Save
 * writes the decisions and shows the agreement of judge and reviewer (Cohen's kappa).
 */
export class ReviewView implements View {
  readonly id = 'review';
  readonly label = 'Review';
  readonly element = h('section', { class: 'view', testid: 'view-review' });
  private readonly head = h('div', { class: 'panel-head' }, h('h3', { text: 'Conduct review' }));
  private readonly status = h('p', { class: 'note', testid: 'review-status' });
  private readonly list = h('div', { class: 'review-list' });
  private readonly save = h('button', {
    text: 'Save decisions',
    testid: 'review-save',
    attrs: { type: 'button' },
    on: { click: () => void this.store() },
  });
  private info: ReviewInfo | undefined;
  private runId: string | undefined;
  private readonly rows = new Map<
    string,
    { decision: HTMLSelectElement; vice: HTMLSelectElement; comment: HTMLInputElement }
  >();

  constructor() {
    this.element.append(h('div', { class: 'panel' }, this.head, this.status, this.list, this.save));
  }

  render(state: RunState | undefined): void {
    const runId = state && state.origin !== 'file' && state.status !== 'running' ? state.runId : undefined;
    if (runId === undefined) {
      this.runId = undefined;
      this.info = undefined;
      this.save.hidden = true;
      this.list.replaceChildren(emptyNote('Open a finished run made with --conduct to review its judge.'));
      this.status.textContent = '';
      return;
    }
    if (runId === this.runId) return;
    this.runId = runId;
    this.status.textContent = 'Loading the review…';
    api.review(runId).then(
      (info) => this.show(info),
      (error: Error) => {
        this.info = undefined;
        this.save.hidden = true;
        this.list.replaceChildren(emptyNote(error.message));
        this.status.textContent = '';
      },
    );
  }

  private show(info: ReviewInfo): void {
    this.info = info;
    this.rows.clear();
    this.save.hidden = info.review.answers.length === 0;
    this.list.replaceChildren(...info.review.answers.map((entry) => this.row(entry, info.vices)));
    this.status.textContent = this.summary(info);
  }

  private summary(info: ReviewInfo): string {
    const a = info.agreement;
    const k = a.kappa;
    const kappa =
      a.decided > 0
        ? `; Cohen's kappa ${formatNumber(k.kappa, 2)} [${formatNumber(k.lower, 2)}, ${formatNumber(k.upper, 2)}]`
        : '';
    return `${info.file}: ${a.decided} of ${a.listed} decided (${a.accepted} accepted, ${a.rejected} rejected)${kappa}. Judge ${info.review.judge}, code ${info.review.code}.`;
  }

  private row(entry: ConductReviewEntry, vices: readonly string[]): HTMLElement {
    const decision = h(
      'select',
      { testid: 'review-decision', attrs: { 'aria-label': 'decision' } },
      h('option', { text: 'undecided', attrs: { value: '' } }),
      h('option', { text: 'accept: the judge is right', attrs: { value: 'accept' } }),
      h('option', { text: 'reject: the judge is wrong', attrs: { value: 'reject' } }),
    );
    decision.value = entry.decision ?? '';
    const vice = h(
      'select',
      { testid: 'review-vice', attrs: { 'aria-label': 'vice the answer shows' } },
      h('option', {
        text: entry.verdict === 'violation' ? `the judge's (${entry.vice ?? 'none'})` : 'no vice',
        attrs: { value: '' },
      }),
      ...vices.map((v) => h('option', { text: v, attrs: { value: v } })),
    );
    vice.value = entry.reviewerVice ?? '';
    const comment = h('input', {
      testid: 'review-comment',
      attrs: { type: 'text', placeholder: 'comment (becomes the example’s note)', 'aria-label': 'comment' },
    });
    comment.value = entry.comment ?? '';
    this.rows.set(entry.key, { decision, vice, comment });
    const verdict =
      entry.verdict === 'violation'
        ? `violation: ${entry.vice ?? 'a vice'}${entry.virtue ? ` (${entry.virtue})` : ''}`
        : 'ok';
    return h(
      'div',
      { class: `review-entry ${entry.verdict}`, testid: 'review-entry', dataset: { key: entry.key } },
      h('p', { class: 'review-answer', text: entry.answer }),
      h('p', {
        class: 'note',
        text: `${entry.emotion ?? 'no emotion'}, estimate ${formatNumber(entry.estimate, 0)}; judge: ${verdict}${entry.note ? ` — ${entry.note}` : ''}`,
      }),
      h('div', { class: 'review-controls' }, decision, vice, comment),
    );
  }

  private async store(): Promise<void> {
    const info = this.info;
    const runId = this.runId;
    if (!info || !runId) return;
    const decisions: ReviewDecisions['decisions'] = info.review.answers.map((entry) => {
      const row = this.rows.get(entry.key);
      return {
        key: entry.key,
        decision: (row?.decision.value || null) as 'accept' | 'reject' | null,
        reviewerVice: row?.vice.value || null,
        comment: row?.comment.value.trim() || null,
      };
    });
    this.status.textContent = 'Saving…';
    try {
      this.show(await api.saveReview(runId, { decisions }));
    } catch (error) {
      this.status.textContent = `Not saved: ${(error as Error).message}`;
    }
  }
}
