import { api } from './data/api.js';
import { RunModel, type RunState } from './data/RunModel.js';
import { watchRunEvents } from './data/watchRunEvents.js';
import { h } from './ui/h.js';
import { BreakdownView } from './views/BreakdownView.js';
import { CompareView } from './views/CompareView.js';
import { HumanView } from './views/HumanView.js';
import { ItemsView } from './views/ItemsView.js';
import { LiveView } from './views/LiveView.js';
import { OpenView } from './views/OpenView.js';
import { ReviewView } from './views/ReviewView.js';
import { RoundsView } from './views/RoundsView.js';
import { RunPanel } from './views/RunPanel.js';
import { StudyView } from './views/StudyView.js';
import type { View } from './views/View.js';

/**
 * The viewer: the run panel on the left, the views as tabs on the right, one `RunModel` they all
 * draw from. Starting a run, opening a stored run and dropping a file all end in the same model,
 * so every view works the same for live, stored and dropped runs.
 */
export class App {
  readonly element: HTMLElement;
  private readonly model = new RunModel();
  private readonly views: View[];
  private readonly tabs = new Map<string, HTMLButtonElement>();
  private readonly panel: RunPanel;
  private active: View;
  private unwatch: (() => void) | undefined;
  /** The item of a battery on screen (hidden for a single question). */
  private readonly itemSelect = h('select', { testid: 'item-select', attrs: { 'aria-label': 'item' } });
  private readonly itemBar = h('label', { class: 'item-bar' }, 'Item ', this.itemSelect);

  constructor() {
    this.panel = new RunPanel({ start: (body) => this.start(body), stop: () => this.stop() });
    const open = new OpenView({
      openStored: (runId) => this.follow('store', runId),
      openAnalysed: (state) => this.show(state),
      defaultTruth: () => this.panel.selectedTask(),
    });
    this.views = [
      new LiveView(),
      new CompareView(),
      new ItemsView(),
      new HumanView(),
      new BreakdownView(),
      new RoundsView(),
      new StudyView(),
      new ReviewView(),
      open,
    ];
    this.active = this.views[0] as View;
    const nav = h('nav', { class: 'tabs', attrs: { role: 'tablist' } });
    for (const view of this.views) {
      const tab = h('button', {
        text: view.label,
        testid: `tab-${view.id}`,
        attrs: { type: 'button', role: 'tab' },
        on: { click: () => this.select(view.id) },
      });
      this.tabs.set(view.id, tab);
      nav.append(tab);
      view.element.hidden = true;
    }
    this.element = h(
      'div',
      { class: 'app' },
      h(
        'header',
        {},
        h('h1', { text: 'emocrowd' }),
        h('p', { text: 'How wise is a crowd of emotional personas?' }),
      ),
      h('aside', {}, this.panel.element),
      h('main', {}, nav, this.itemBar, ...this.views.map((v) => v.element)),
    );
    this.itemBar.hidden = true;
    this.itemSelect.addEventListener('change', () => this.model.selectItem(this.itemSelect.value));
    this.model.subscribe((state) => {
      this.panel.update(state);
      this.updateItems(state);
      this.active.render(state);
    });
  }

  /** Loads the server's options and shows the first view. */
  async init(): Promise<void> {
    window.addEventListener('hashchange', () => this.select(location.hash.slice(1)));
    const initial = location.hash.slice(1);
    this.select(this.views.some((v) => v.id === initial) ? initial : 'live');
    try {
      this.panel.setOptions(await api.options());
    } catch (error) {
      document.body.prepend(
        h('p', {
          class: 'error banner',
          text: `Cannot reach the emocrowd server: ${(error as Error).message}`,
        }),
      );
    }
  }

  /**
   * Shows a view.
   *
   * @param id the view's id.
   */
  select(id: string): void {
    const view = this.views.find((v) => v.id === id);
    if (!view) return;
    this.active = view;
    for (const v of this.views) {
      v.element.hidden = v !== view;
      this.tabs.get(v.id)?.setAttribute('aria-selected', String(v === view));
    }
    if (location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
    view.render(this.model.state);
  }

  /** Offers a battery's items (id and question), keeping the choice while the run goes on. */
  private updateItems(state: RunState | undefined): void {
    const items = state?.items ?? [];
    this.itemBar.hidden = items.length < 2;
    if (items.length < 2) return;
    const ids = items.map((i) => i.id).join('\n');
    if (this.itemSelect.dataset.items !== ids) {
      this.itemSelect.dataset.items = ids;
      this.itemSelect.replaceChildren(
        ...items.map((i) => h('option', { text: `${i.id}: ${i.question}`, attrs: { value: i.id } })),
      );
    }
    if (state && this.itemSelect.value !== state.item) this.itemSelect.value = state.item;
  }

  private async start(body: Parameters<typeof api.start>[0]): Promise<void> {
    const { runId } = await api.start(body);
    this.follow('live', runId);
  }

  private async stop(): Promise<void> {
    const state = this.model.state;
    if (state?.origin !== 'live') return;
    this.model.stopping();
    await api.stop(state.runId);
  }

  private follow(origin: 'live' | 'store', runId: string): void {
    this.unwatch?.();
    this.model.begin(origin, runId);
    this.select('live');
    this.unwatch = watchRunEvents(
      runId,
      (event) => this.model.apply(event),
      (error) => this.model.end(error),
    );
  }

  private show(state: RunState): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.model.load(state);
    this.select('live');
  }
}
