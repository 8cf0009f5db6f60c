/**
 * The small, namespace-aware element tree that parse.ts builds, and the few queries the readers
 * need. Comments and processing instructions are dropped; text and CDATA are kept per element.
 */

export interface XmlAttribute {
  readonly local: string;
  /** Namespace URI; '' for an unprefixed attribute. Namespace declarations (xmlns) are not kept. */
  readonly uri: string;
  readonly value: string;
}

export interface XmlElement {
  readonly local: string;
  /** Namespace URI; '' when the element is in no namespace. */
  readonly uri: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** Character data directly inside this element (text and CDATA, in order), untrimmed. */
  readonly text: string;
}

/** Child elements with this local name; in namespace `uri`, or in any namespace when `uri` is omitted. */
export function childElements(parent: XmlElement, local: string, uri?: string): XmlElement[] {
  return parent.children.filter((child) => child.local === local && (uri === undefined || child.uri === uri));
}

/** The first child element with this local name (see `childElements`). */
export function firstChild(parent: XmlElement, local: string, uri?: string): XmlElement | undefined {
  return parent.children.find((child) => child.local === local && (uri === undefined || child.uri === uri));
}

/** The value of an unprefixed attribute (the only kind KITH messages use for V, S, DN, OT). */
export function attributeValue(element: XmlElement, local: string): string | undefined {
  return element.attributes.find((attribute) => attribute.uri === '' && attribute.local === local)?.value;
}

/** The element's own text, trimmed. */
export function trimmedText(element: XmlElement): string {
  return element.text.trim();
}

/** Every element below `root` (not `root` itself), depth first, in document order. */
export function* descendants(root: XmlElement): Generator<XmlElement> {
  const pending: XmlElement[] = [...root.children].reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    yield next;
    for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
  }
}
