/**
 * Safe parse of untrusted XML (MsgHead, AppRec) into the element tree of element.ts. Pure: no I/O,
 * no Node APIs, so the browser self-check runs the same code as the API.
 *
 * Input: the raw bytes (Uint8Array) are the intended input — the API and the upload pass the body
 * as received, and this module owns the encoding decision: UTF-8 only, decoded strictly (invalid
 * UTF-8 is refused, not repaired). UTF-16/UTF-32 (by byte order mark or by NUL bytes at the start)
 * and any XML declaration naming another encoding are refused with XML_UNSUPPORTED_ENCODING. A
 * string is accepted too, for callers that already hold text (tests, a pasted document); it is
 * treated as decoded characters, and its XML declaration must still say UTF-8 (or nothing).
 *
 * Leniency: byte order marks and whitespace before the first markup are skipped (real files have
 * them before `<?xml`). Processing instructions (e.g. `<?xml-stylesheet?>`, seen in health
 * messages) and comments are ignored: nothing here acts on them, so refusing them would reject real
 * messages for no safety gain.
 *
 * Refused: any `<!DOCTYPE` anywhere — checked on the text before parsing, so no DTD, entity
 * declaration or external reference ever reaches the parser (saxes itself expands only the five
 * predefined entities and character references); more than one root; and anything over the limits.
 */
import { SaxesParser } from 'saxes';
import type { XmlAttribute, XmlElement } from './element';
import { XmlReadError } from './errors';

export interface XmlLimits {
  /**
   * Largest accepted input, checked before decoding or parsing: bytes for Uint8Array input,
   * UTF-16 code units for string input.
   */
  maxInputSize: number;
  /** Deepest element nesting (the root is depth 1). */
  maxDepth: number;
  maxElements: number;
  /** Attributes on one element, namespace declarations included. */
  maxAttributesPerElement: number;
  maxAttributeValueLength: number;
  /** Character data directly inside one element. */
  maxTextLength: number;
}

/**
 * Defaults sized for a large municipality's KPR_IPL (tens of thousands of PERSON records); an
 * AppRec is a few kilobytes, so a caller reading only receipts may pass far smaller limits.
 */
export const DEFAULT_XML_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxInputSize: 64 * 1024 * 1024,
  maxDepth: 32,
  maxElements: 2_000_000,
  maxAttributesPerElement: 64,
  maxAttributeValueLength: 32 * 1024,
  maxTextLength: 1024 * 1024,
});

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';
const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);
const LEADING_BOMS_AND_WHITESPACE = /^[\uFEFF\t\n\r ]+/;

/** Parses one XML document into its root element, or throws an XmlReadError. */
export function parseXml(input: Uint8Array | string, limits: Partial<XmlLimits> = {}): XmlElement {
  const effective: XmlLimits = { ...DEFAULT_XML_LIMITS, ...limits };
  const text = decode(input, effective.maxInputSize);
  if (/<!DOCTYPE/i.test(text)) {
    throw new XmlReadError(
      'XML_DOCTYPE_FORBIDDEN',
      'The document contains a DOCTYPE declaration. DTDs and entity declarations are not accepted; remove the DOCTYPE.',
    );
  }
  return buildTree(text.replace(LEADING_BOMS_AND_WHITESPACE, ''), effective);
}

function decode(input: Uint8Array | string, maxInputSize: number): string {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxInputSize) {
    throw new XmlReadError(
      'XML_TOO_LARGE',
      `The document is larger than the accepted maximum of ${maxInputSize} ${typeof input === 'string' ? 'characters' : 'bytes'}.`,
    );
  }
  if (typeof input === 'string') {
    // A UTF-16 byte order mark read with the wrong byte order, or a UTF-8 one read as Latin-1:
    // the caller decoded the bytes wrongly, so the rest of the text cannot be trusted either.
    if (input.startsWith('\uFFFE') || input.startsWith('\u00EF\u00BB\u00BF')) {
      throw new XmlReadError(
        'XML_UNSUPPORTED_ENCODING',
        'The document text starts with a byte order mark decoded in the wrong encoding. Send the document as UTF-8 bytes.',
      );
    }
    return input;
  }
  const [b0, b1] = input;
  // XML must start with '<', whitespace or a BOM: in UTF-8 none of these contains a NUL byte.
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0xff && b1 === 0xfe) || input.subarray(0, 4).includes(0)) {
    throw new XmlReadError(
      'XML_UNSUPPORTED_ENCODING',
      'The document is encoded as UTF-16 or UTF-32. Only UTF-8 is accepted.',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new XmlReadError('XML_UNSUPPORTED_ENCODING', 'The document is not valid UTF-8. Only UTF-8 is accepted.');
  }
}

interface OpenElement {
  local: string;
  uri: string;
  attributes: readonly XmlAttribute[];
  children: OpenElement[];
  text: string;
}

function buildTree(text: string, limits: XmlLimits): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const open: OpenElement[] = [];
  let root: OpenElement | undefined;
  let elements = 0;
  let attributesOnTag = 0;
  let closing = false;

  parser.on('error', (error) => {
    if (closing && root === undefined) {
      throw new XmlReadError('XML_NO_ROOT', 'The document has no root element.');
    }
    throw new XmlReadError(
      'XML_MALFORMED',
      `The document is not well-formed XML (line ${parser.line}, column ${parser.column}): ${describeSaxesError(error)}.`,
    );
  });
  // Unreachable after the text check in parseXml; kept so the parser itself never accepts a DTD.
  parser.on('doctype', () => {
    throw new XmlReadError('XML_DOCTYPE_FORBIDDEN', 'The document contains a DOCTYPE declaration.');
  });
  parser.on('xmldecl', ({ encoding }) => {
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
      throw new XmlReadError(
        'XML_UNSUPPORTED_ENCODING',
        'The XML declaration names an encoding other than UTF-8. Only UTF-8 is accepted.',
      );
    }
  });
  parser.on('opentagstart', () => {
    if (open.length === 0 && root !== undefined) {
      throw new XmlReadError('XML_MULTIPLE_ROOTS', 'The document has more than one root element.');
    }
    if (open.length + 1 > limits.maxDepth) {
      throw new XmlReadError(
        'XML_TOO_DEEP',
        `Elements are nested deeper than the accepted maximum of ${limits.maxDepth}.`,
      );
    }
    elements += 1;
    if (elements > limits.maxElements) {
      throw new XmlReadError(
        'XML_TOO_MANY_ELEMENTS',
        `The document has more than the accepted maximum of ${limits.maxElements} elements.`,
      );
    }
    attributesOnTag = 0;
  });
  parser.on('attribute', ({ value }) => {
    attributesOnTag += 1;
    if (attributesOnTag > limits.maxAttributesPerElement) {
      throw new XmlReadError(
        'XML_TOO_MANY_ATTRIBUTES',
        `An element has more than the accepted maximum of ${limits.maxAttributesPerElement} attributes.`,
      );
    }
    if (value.length > limits.maxAttributeValueLength) {
      throw new XmlReadError(
        'XML_ATTRIBUTE_TOO_LONG',
        `An attribute value is longer than the accepted maximum of ${limits.maxAttributeValueLength} characters.`,
      );
    }
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.values(tag.attributes)
      .filter((attribute) => attribute.uri !== XMLNS_URI)
      .map(({ local, uri, value }) => ({ local, uri, value }));
    const element: OpenElement = {
      local: tag.local,
      uri: tag.uri,
      attributes: attributes.length === 0 ? NO_ATTRIBUTES : attributes,
      children: [],
      text: '',
    };
    const parent = open.at(-1);
    if (parent === undefined) root = element;
    else parent.children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => {
    open.pop();
  });
  const appendText = (chunk: string) => {
    const current = open.at(-1);
    if (current === undefined) return; // whitespace outside the root; saxes refuses anything else there
    if (current.text.length + chunk.length > limits.maxTextLength) {
      throw new XmlReadError(
        'XML_TEXT_TOO_LONG',
        `An element holds more than the accepted maximum of ${limits.maxTextLength} characters of text.`,
      );
    }
    current.text += chunk;
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);

  parser.write(text);
  closing = true;
  parser.close();
  if (root === undefined) throw new XmlReadError('XML_NO_ROOT', 'The document has no root element.');
  return root;
}

/**
 * saxes' own description without the position prefix and without anything after a colon, which
 * is where saxes quotes names from the document ("unclosed tag: NAME").
 */
function describeSaxesError(error: Error): string {
  const description = error.message.replace(/^\d+:\d+: /, '');
  const colon = description.indexOf(':');
  return (colon === -1 ? description : description.slice(0, colon)).replace(/\.$/, '');
}
