import type { RunState } from '../data/RunModel.js';

/** A tab of the viewer: an element, redrawn from the run state whenever it changes. */
export interface View {
  readonly id: string;
  readonly label: string;
  readonly element: HTMLElement;
  /**
   * Redraws from the state (called only while the tab is shown, and when it is shown).
   *
   * @param state the run on screen, or undefined before any.
   */
  render(state: RunState | undefined): void;
}
