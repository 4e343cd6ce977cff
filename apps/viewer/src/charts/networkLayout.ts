/** A node's place in the drawing, both coordinates in [0, 1]. */
export interface NodePoint {
  x: number;
  y: number;
}

/**
 * Where to draw each node of a network so its kind can be seen: a `lattice:RxC` as its grid
 * (node i at row ⌊i / C⌋, column i mod C), a `star` with its hub (the node linked to all the
 * others) in the centre and the others on a circle, every other kind (`random-regular`, `ring`,
 * `erdos-renyi`, `complete`, a file) on a circle in node order, so a ring's neighbours sit side
 * by side.
 *
 * @param kind the network kind (`lattice`, `star`, ... or `file`).
 * @param spec the network as asked for (`lattice:20x25`), for the lattice's shape.
 * @param nodes the number of nodes.
 * @param degree each node's degree.
 * @returns one point per node.
 */
export function networkLayout(
  kind: string,
  spec: string,
  nodes: number,
  degree: readonly number[],
): NodePoint[] {
  if (kind === 'lattice') {
    const shape = /^lattice:(\d+)x(\d+)$/.exec(spec);
    let rows = shape ? Number(shape[1]) : Math.floor(Math.sqrt(nodes));
    while (!shape && rows > 1 && nodes % rows !== 0) rows--;
    const columns = Math.max(1, Math.round(nodes / Math.max(1, rows)));
    return Array.from({ length: nodes }, (_, i) => ({
      x: columns === 1 ? 0.5 : (i % columns) / (columns - 1),
      y: rows <= 1 ? 0.5 : Math.floor(i / columns) / (rows - 1),
    }));
  }
  const hub = kind === 'star' ? degree.findIndex((d) => d === nodes - 1 && nodes > 2) : -1;
  const onCircle = nodes - (hub >= 0 ? 1 : 0);
  let k = 0;
  return Array.from({ length: nodes }, (_, i) => {
    if (i === hub) return { x: 0.5, y: 0.5 };
    const angle = (2 * Math.PI * k++) / Math.max(1, onCircle) - Math.PI / 2;
    return { x: 0.5 + 0.5 * Math.cos(angle), y: 0.5 + 0.5 * Math.sin(angle) };
  });
}
