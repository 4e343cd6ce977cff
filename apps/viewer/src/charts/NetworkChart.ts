import { type NodePoint, networkLayout } from './networkLayout.js';

const SVG = 'http://www.w3.org/2000/svg';
/** At this factor off the truth (or more) a node has its full colour: |ln(x / T)| >= 1. */
const FULL_COLOUR_LOG = 1;

/** The network to draw: its kind and spec (for the layout), node count and flat edge pairs. */
export interface NetworkShape {
  kind: string;
  spec: string;
  nodes: number;
  /** [a0, b0, a1, b1, ...]. */
  edges: readonly number[];
}

/** One node's answer in the round on screen. */
export interface NodeAnswer {
  estimate?: number;
  /** What the node was shown before this answer. */
  shown?: number;
  /** A label for the tooltip (the persona). */
  label: string;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/**
 * The colour of an answer by its log error ln(x / T): blue below the truth, red above, the
 * stronger the farther off (full at a factor e ≈ 2.7), grey without a positive number.
 *
 * @param estimate the answer.
 * @param truth the true value.
 * @returns a CSS colour.
 */
export function answerColour(estimate: number | undefined, truth: number): string {
  if (estimate === undefined || !(estimate > 0) || !(truth > 0)) return '#d1d5db';
  const t = Math.max(-1, Math.min(1, Math.log(estimate / truth) / FULL_COLOUR_LOG));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * Math.abs(t));
  // white (#f8fafc) to blue (#2563eb) below, to red (#dc2626) above
  return t < 0
    ? `rgb(${mix(248, 37)}, ${mix(250, 99)}, ${mix(252, 235)})`
    : `rgb(${mix(248, 220)}, ${mix(250, 38)}, ${mix(252, 38)})`;
}

/**
 * An SVG drawing of a run's network: edges as lines, nodes as circles coloured by their answer
 * in the round on screen. Nodes and edges are drawn once per network; a new round only recolours.
 */
export class NetworkChart {
  readonly element: SVGSVGElement;
  private circles: SVGCircleElement[] = [];
  private titles: SVGTitleElement[] = [];
  private shape: NetworkShape | undefined;

  constructor() {
    this.element = svg('svg', { viewBox: '-20 -20 440 440', width: '100%', height: 440, role: 'img' });
    this.element.dataset.testid = 'network-chart';
  }

  /** Draws the network (replacing any other). */
  draw(shape: NetworkShape): void {
    if (this.shape === shape) return;
    this.shape = shape;
    const degree = new Array<number>(shape.nodes).fill(0);
    for (const v of shape.edges) degree[v] = (degree[v] as number) + 1;
    const at = networkLayout(shape.kind, shape.spec, shape.nodes, degree).map(
      (p: NodePoint) => [p.x * 400, p.y * 400] as const,
    );
    const edges = svg('g', { stroke: '#94a3b8', 'stroke-width': shape.edges.length > 4000 ? 0.3 : 0.8 });
    edges.dataset.testid = 'network-edges';
    for (let e = 0; e + 1 < shape.edges.length; e += 2) {
      const a = at[shape.edges[e] as number] as readonly [number, number];
      const b = at[shape.edges[e + 1] as number] as readonly [number, number];
      edges.append(svg('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }));
    }
    const radius = Math.max(2, Math.min(9, 600 / Math.sqrt(shape.nodes) / 4));
    const nodes = svg('g', { stroke: '#334155', 'stroke-width': 0.6 });
    nodes.dataset.testid = 'network-nodes';
    this.circles = at.map(([x, y], i) => {
      const circle = svg('circle', { cx: x, cy: y, r: radius, fill: '#d1d5db' });
      circle.dataset.node = String(i);
      const title = svg('title', {});
      circle.append(title);
      this.titles[i] = title;
      nodes.append(circle);
      return circle;
    });
    this.element.replaceChildren(edges, nodes);
  }

  /**
   * Colours the nodes by their answers.
   *
   * @param answers each node's answer (undefined: none in this round).
   * @param truth the true value.
   * @param format how the tooltip writes numbers.
   */
  colour(answers: readonly (NodeAnswer | undefined)[], truth: number, format: (x: number) => string): void {
    this.circles.forEach((circle, i) => {
      const answer = answers[i];
      circle.setAttribute('fill', answerColour(answer?.estimate, truth));
      circle.dataset.estimate = answer?.estimate === undefined ? '' : String(answer.estimate);
      const parts = [`node ${i}`];
      if (answer) parts.push(answer.label);
      parts.push(answer?.estimate === undefined ? 'no answer' : `answer ${format(answer.estimate)}`);
      if (answer?.shown !== undefined) parts.push(`shown ${format(answer.shown)}`);
      (this.titles[i] as SVGTitleElement).textContent = parts.join(' · ');
    });
  }
}
