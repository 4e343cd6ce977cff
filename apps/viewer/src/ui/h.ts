/** Attributes and properties `h` may set; never `innerHTML`. */
export interface HProps {
  class?: string;
  /** Set as `textContent`: data is always inert text. */
  text?: string | number;
  title?: string;
  testid?: string;
  attrs?: Record<string, string>;
  dataset?: Record<string, string>;
  on?: Partial<Record<keyof HTMLElementEventMap, (event: Event) => void>>;
}

/** A child of `h`: an element, a string (a text node), or nothing. */
export type HChild = Node | string | number | false | null | undefined;

/**
 * Creates an element: the viewer's whole DOM toolkit.
 *
 * The intuition: every string that reaches the page (model answers, persona labels, file
 * contents) becomes a text node or `textContent`, so markup in model text stays inert; there is
 * no code path that parses data as HTML.
 *
 * @param tag the element's tag name.
 * @param props class, text, title, test id, attributes, data attributes, event listeners.
 * @param children nodes or strings appended in order (falsy ones skipped).
 * @returns the element.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: HProps = {},
  ...children: HChild[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = String(props.text);
  if (props.title) node.title = props.title;
  if (props.testid) node.dataset.testid = props.testid;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const [name, value] of Object.entries(props.dataset ?? {})) node.dataset[name] = value;
  for (const [type, listener] of Object.entries(props.on ?? {}))
    if (listener) node.addEventListener(type, listener);
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    node.append(typeof child === 'number' ? String(child) : child);
  }
  return node;
}
