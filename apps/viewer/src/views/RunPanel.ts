import type { RunStartBody, ViewerOptions } from '@emocrowd/crowd/analysis';
import type { RunState } from '../data/RunModel.js';
import { formatNumber } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';

/** What the run panel asks the app to do. */
export interface RunPanelActions {
  start(body: RunStartBody): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The run panel: every choice of a run with a sensible default (the Fargo–Seattle question, the
 * synthetic model, 300 personas, one round), one Start button and a Stop button for the run on
 * screen. Options come from the server (`GET /api/options`), so the panel only offers tasks,
 * models and labels that exist.
 */
export class RunPanel {
  readonly element = h('form', { class: 'run-panel', testid: 'run-panel', attrs: { novalidate: '' } });
  private readonly task = h('select', { testid: 'task' });
  private readonly taskNote = h('p', { class: 'note' });
  private readonly model = h('select', { testid: 'model' });
  private readonly modelNote = h('p', { class: 'note' });
  private readonly space = h('select', { testid: 'space' });
  private readonly size = h('input', {
    testid: 'crowd-size',
    attrs: { type: 'number', min: '1', max: '100000', value: '300' },
  });
  private readonly condition = h('select', { testid: 'condition' });
  private readonly emotions = h('div', { class: 'emotions' });
  private readonly emotionsSummary = h('summary');
  private readonly concurrency = h('input', {
    testid: 'concurrency',
    attrs: { type: 'number', min: '1', max: '256', value: '8' },
  });
  private readonly rounds = h('input', {
    testid: 'rounds',
    attrs: { type: 'number', min: '1', max: '20', value: '1' },
  });
  private readonly influence = h('select', { testid: 'influence' });
  private readonly seed = h('input', { testid: 'seed', attrs: { type: 'number', min: '0', value: '42' } });
  private readonly conduct = h('input', { testid: 'conduct', attrs: { type: 'checkbox' } });
  private readonly strategies = h('p', { class: 'note', testid: 'strategies' });
  private readonly startButton = h('button', {
    text: 'Start',
    class: 'primary',
    testid: 'start',
    attrs: { type: 'submit' },
  });
  private readonly stopButton = h('button', { text: 'Stop', testid: 'stop', attrs: { type: 'button' } });
  private readonly error = h('p', { class: 'error', testid: 'run-error' });
  private options: ViewerOptions | undefined;

  constructor(actions: RunPanelActions) {
    const field = (label: string, control: HTMLElement, ...extra: HTMLElement[]) =>
      h('label', { class: 'field' }, h('span', { text: label }), control, ...extra);
    for (const [value, label] of [
      ['none', 'none (independent answers)'],
      ['aggregate:median', "the crowd's median"],
      ['aggregate:mean', "the crowd's mean"],
      ['neighbours', '5 other answers'],
    ] as const) {
      this.influence.append(h('option', { text: label, attrs: { value } }));
    }
    this.element.append(
      h('h2', { text: 'Run a crowd' }),
      field('Question', this.task, this.taskNote),
      field('Model', this.model, this.modelNote),
      field('Crowd', this.space),
      field('Crowd size', this.size),
      field('Condition', this.condition),
      h('details', { class: 'field' }, this.emotionsSummary, this.emotions),
      field('Concurrency', this.concurrency),
      field('Rounds', this.rounds),
      field('Between rounds, show', this.influence),
      field('Seed', this.seed),
      h(
        'label',
        {
          class: 'check',
          title:
            "The model judges each answer's reasoning against the shipped code of conduct; a violation gets one revision turn.",
        },
        this.conduct,
        'Conduct check (default code, judged by the same model)',
      ),
      this.strategies,
      h('div', { class: 'buttons' }, this.startButton, this.stopButton),
      this.error,
    );
    this.task.addEventListener('change', () => this.describeTask());
    this.space.addEventListener('change', () => {
      this.size.disabled = this.space.value !== 'sample';
    });
    this.rounds.addEventListener('input', () => {
      this.influence.disabled = Number(this.rounds.value) <= 1;
    });
    this.emotions.addEventListener('change', () => this.describeEmotions());
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      this.error.textContent = '';
      const body = this.body();
      if (typeof body === 'string') {
        this.error.textContent = body;
        return;
      }
      this.startButton.disabled = true;
      actions
        .start(body)
        .catch((e: unknown) => {
          this.error.textContent = (e as Error).message;
        })
        .finally(() => {
          this.startButton.disabled = false;
        });
    });
    this.stopButton.addEventListener('click', () => {
      actions.stop().catch((e: unknown) => {
        this.error.textContent = (e as Error).message;
      });
    });
    this.stopButton.disabled = true;
    this.influence.disabled = true;
  }

  /**
   * Fills the choices from the server's options.
   *
   * @param options the server's options.
   */
  setOptions(options: ViewerOptions): void {
    this.options = options;
    const d = options.defaults;
    this.task.replaceChildren(
      ...options.tasks.map((t) => h('option', { text: t.id, attrs: { value: t.id } })),
    );
    this.task.value = d.task;
    this.model.replaceChildren(
      ...options.models.map((m) => h('option', { text: m.label, attrs: { value: m.id } })),
    );
    this.model.value = d.model;
    this.modelNote.textContent = options.ollama.reachable
      ? `Ollama at ${options.ollama.host}: ${options.models.length - 1} model(s).`
      : `No Ollama at ${options.ollama.host}; only the synthetic model (no LLM) is offered.`;
    this.space.replaceChildren(
      ...options.personaSpaces.map((s) => h('option', { text: s.label, attrs: { value: s.id } })),
    );
    this.space.value = 'sample';
    this.size.value = d.personas;
    this.condition.replaceChildren(
      ...options.conditions.map((c) => h('option', { text: c, attrs: { value: c } })),
    );
    this.condition.value = d.condition;
    this.concurrency.value = String(d.concurrency);
    this.seed.value = String(d.seed);
    this.rounds.value = String(d.rounds);
    const box = (label: string) =>
      h('label', { class: 'check' }, h('input', { attrs: { type: 'checkbox', value: label } }), label);
    this.emotions.replaceChildren(
      h('p', { class: 'note', text: 'GoEmotions' }),
      ...options.emotions.goemotions.map(box),
      h('p', { class: 'note', text: 'Plutchik' }),
      ...options.emotions.plutchik.map(box),
    );
    this.strategies.textContent = `Aggregates computed: ${options.strategies.map((s) => s.label).join(', ')}.`;
    this.strategies.title = options.strategies.map((s) => `${s.label}: ${s.description}`).join('\n');
    this.describeTask();
    this.describeEmotions();
  }

  /**
   * Enables Start / Stop for the run on screen.
   *
   * @param state the run on screen.
   */
  update(state: RunState | undefined): void {
    const running = state?.origin === 'live' && (state.status === 'running' || state.status === 'waiting');
    this.stopButton.disabled = !running;
  }

  /** The selected task's truth, unit and question. */
  selectedTask(): { truth: number; unit: string; question: string } {
    const task = this.options?.tasks.find((t) => t.id === this.task.value) ?? this.options?.tasks[0];
    return {
      truth: task?.truth ?? Number.NaN,
      unit: task?.unit ?? '',
      question: task?.items ? '' : (task?.question ?? ''),
    };
  }

  private describeTask(): void {
    const task = this.options?.tasks.find((t) => t.id === this.task.value);
    this.taskNote.textContent = !task
      ? ''
      : task.items
        ? `${task.question} (a battery: every persona answers ${task.items.length} questions)`
        : `${task.question} (truth ${formatNumber(task.truth)} ${task.unit ?? ''})`;
  }

  private describeEmotions(): void {
    const n = this.emotions.querySelectorAll('input:checked').length;
    this.emotionsSummary.textContent = n === 0 ? 'Emotions: all (click to choose)' : `Emotions: ${n} chosen`;
  }

  private body(): RunStartBody | string {
    const int = (input: HTMLInputElement, name: string, min: number, max: number): number | string => {
      const value = Number(input.value);
      return Number.isInteger(value) && value >= min && value <= max
        ? value
        : `${name} must be a whole number from ${min} to ${max}`;
    };
    const size = int(this.size, 'Crowd size', 1, 100_000);
    const concurrency = int(this.concurrency, 'Concurrency', 1, 256);
    const rounds = int(this.rounds, 'Rounds', 1, 20);
    const seed = int(this.seed, 'Seed', 0, 2 ** 31 - 1);
    for (const v of [size, concurrency, rounds, seed]) if (typeof v === 'string') return v;
    const emotions = [...this.emotions.querySelectorAll<HTMLInputElement>('input:checked')].map(
      (i) => i.value,
    );
    const [kind, aggregate] = this.influence.value.split(':');
    const influence: RunStartBody['influence'] =
      rounds === 1 || kind === 'none'
        ? { kind: 'none' }
        : kind === 'aggregate'
          ? { kind: 'aggregate', aggregate: aggregate === 'mean' ? 'mean' : 'median' }
          : { kind: 'neighbours', neighbours: 5 };
    return {
      task: this.task.value,
      personas: this.space.value === 'sample' ? String(size) : this.space.value,
      ...(emotions.length > 0 ? { emotions } : {}),
      condition: this.condition.value as NonNullable<RunStartBody['condition']>,
      model: this.model.value,
      seed: seed as number,
      concurrency: concurrency as number,
      rounds: rounds as number,
      influence,
      ...(this.conduct.checked ? { conduct: 'default' as const } : {}),
    };
  }
}
