import { parseHTML } from 'linkedom';

/**
 * A server-side DOM document for Observable Plot: charts are drawn into it and serialized as SVG
 * markup. One document serves any number of charts.
 */
let shared: Document | undefined;

export function chartDocument(): Document {
  if (!shared)
    shared = parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return shared;
}

/** Serializes a chart Plot returned (an SVG element, or a figure around one). */
export function markup(node: Element): string {
  return node.outerHTML;
}
