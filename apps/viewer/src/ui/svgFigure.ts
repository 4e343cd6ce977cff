/**
 * An SVG figure of `@emocrowd/crowd`'s study figures (`studyFigures`) as a DOM node.
 *
 * The figures are markup built by the same code as the HTML report's, which escapes every text it
 * takes from data (`escapeMarkup`) and writes no script or event attribute. They are parsed here
 * as XML (`image/svg+xml`, which runs nothing), and anything but SVG elements with plain
 * attributes is dropped before the node reaches the page, so the viewer's rule holds: data never
 * becomes markup.
 *
 * @param markup one `<svg>` element
 * @returns the element, or a note when it cannot be parsed
 */
export function svgFigure(markup: string): Element {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.namespaceURI !== 'http://www.w3.org/2000/svg' || doc.querySelector('parsererror')) {
    const note = document.createElement('p');
    note.className = 'error';
    note.textContent = 'This figure could not be drawn.';
    return note;
  }
  for (const el of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    if (
      el.namespaceURI !== 'http://www.w3.org/2000/svg' ||
      /^(script|foreignObject|a|use|image)$/i.test(el.localName)
    ) {
      el.remove();
      continue;
    }
    for (const attr of Array.from(el.attributes))
      if (/^on/i.test(attr.name) || /href$/i.test(attr.name)) el.removeAttribute(attr.name);
  }
  return document.importNode(svg, true);
}
