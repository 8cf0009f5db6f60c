import { describe, expect, it } from 'vitest';
import { descendants } from './element';
import { XmlReadError, type XmlReadErrorCode } from './errors';
import { DEFAULT_XML_LIMITS, type XmlLimits, parseXml } from './parse';

function errorCode(input: Uint8Array | string, limits?: Partial<XmlLimits>): XmlReadErrorCode | 'OK' {
  try {
    parseXml(input, limits);
    return 'OK';
  } catch (error) {
    if (error instanceof XmlReadError) return error.code;
    throw error;
  }
}

const nested = (depth: number) => `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`;
const attributes = (count: number) => `<a ${Array.from({ length: count }, (_, i) => `x${i}="1"`).join(' ')}/>`;

describe('parseXml builds a namespace-aware tree', () => {
  it('resolves default and prefixed namespaces, keeps attributes without xmlns declarations, joins text and CDATA', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="utf-8"?><?xml-stylesheet href="x.xsl"?><!-- c -->' +
        '<p:A xmlns:p="urn:p" xmlns="urn:d" V="1" p:Q="2"><B>one &amp; <![CDATA[<two>]]><!-- c --> three</B><C/></p:A>',
    );
    expect(root).toMatchObject({
      local: 'A',
      uri: 'urn:p',
      attributes: [
        { local: 'V', uri: '', value: '1' },
        { local: 'Q', uri: 'urn:p', value: '2' },
      ],
    });
    expect(root.children.map((child) => [child.local, child.uri, child.text])).toEqual([
      ['B', 'urn:d', 'one & <two> three'],
      ['C', 'urn:d', ''],
    ]);
  });

  it('reads bytes and text alike', () => {
    const document = '<r><x>æøå – «»</x></r>';
    expect(parseXml(new TextEncoder().encode(document))).toEqual(parseXml(document));
  });

  it.each([
    ['nothing before the root', '<r/>'],
    ['an XML declaration without encoding', '<?xml version="1.0"?><r/>'],
    ['encoding UTF8 without a hyphen, any case', '<?xml version="1.0" encoding="utf8"?><r/>'],
    ['whitespace and newlines before the declaration', '\n\r\n  \t<?xml version="1.0"?><r/>'],
    ['a BOM character', '\uFEFF<?xml version="1.0"?><r/>'],
    ['two BOM characters and whitespace', '\uFEFF \uFEFF\n<r/>'],
    ['a processing instruction after the root', '<r/><?pi data?>'],
    ['whitespace after the root', '<r/>\n\n'],
  ])('accepts %s', (_, input) => {
    expect(errorCode(input)).toBe('OK');
  });

  it.each<[string, Uint8Array | string, XmlReadErrorCode]>([
    [
      'a UTF-8 BOM then invalid bytes',
      Uint8Array.of(0xef, 0xbb, 0xbf, 0x3c, 0x72, 0xff, 0x2f, 0x3e),
      'XML_UNSUPPORTED_ENCODING',
    ],
    ['a lone UTF-16 BOM', Uint8Array.of(0xfe, 0xff), 'XML_UNSUPPORTED_ENCODING'],
    ['UTF-32BE BOM', Uint8Array.of(0, 0, 0xfe, 0xff, 0, 0, 0, 0x3c), 'XML_UNSUPPORTED_ENCODING'],
    ['UTF-16BE without BOM', Uint8Array.of(0, 0x3c, 0, 0x72, 0, 0x2f, 0, 0x3e), 'XML_UNSUPPORTED_ENCODING'],
    ['an empty byte array', new Uint8Array(0), 'XML_NO_ROOT'],
    ['whitespace only', ' \n ', 'XML_NO_ROOT'],
    ['a DOCTYPE without an internal subset', '<!DOCTYPE r><r/>', 'XML_DOCTYPE_FORBIDDEN'],
    ['a DOCTYPE after the root', '<r/><!DOCTYPE r>', 'XML_DOCTYPE_FORBIDDEN'],
    ['a DOCTYPE inside CDATA', '<r><![CDATA[<!DOCTYPE r>]]></r>', 'XML_DOCTYPE_FORBIDDEN'],
    ['an XML declaration that is not first', '<r/><?xml version="1.0"?>', 'XML_MALFORMED'],
    ['a second root after a comment', '<r/><!-- c --><r/>', 'XML_MULTIPLE_ROOTS'],
    ['a NUL character', '<r>\u0000</r>', 'XML_MALFORMED'],
  ])('refuses %s', (_, input, code) => {
    expect(errorCode(input)).toBe(code);
  });
});

describe('parseXml limits: the maximum passes, one more fails', () => {
  it.each<[string, (n: number) => string, keyof XmlLimits, XmlReadErrorCode]>([
    ['depth', (n) => nested(n), 'maxDepth', 'XML_TOO_DEEP'],
    ['elements', (n) => `<r>${'<a/>'.repeat(n - 1)}</r>`, 'maxElements', 'XML_TOO_MANY_ELEMENTS'],
    ['attributes per element', (n) => attributes(n), 'maxAttributesPerElement', 'XML_TOO_MANY_ATTRIBUTES'],
    ['attribute value length', (n) => `<a V="${'v'.repeat(n)}"/>`, 'maxAttributeValueLength', 'XML_ATTRIBUTE_TOO_LONG'],
    ['text length', (n) => `<a>${'t'.repeat(n)}</a>`, 'maxTextLength', 'XML_TEXT_TOO_LONG'],
    ['input size', (n) => `<a>${'t'.repeat(n - 7)}</a>`, 'maxInputSize', 'XML_TOO_LARGE'],
  ])('%s', (_, build, limit, code) => {
    const limits = { [limit]: 50 };
    expect(errorCode(build(50), limits)).toBe('OK');
    expect(errorCode(build(51), limits)).toBe(code);
  });

  it('counts namespace declarations as attributes', () => {
    expect(errorCode('<a xmlns="urn:a" xmlns:b="urn:b" c="1"/>', { maxAttributesPerElement: 2 })).toBe(
      'XML_TOO_MANY_ATTRIBUTES',
    );
  });

  it('measures bytes for byte input and UTF-16 code units for text input', () => {
    const text = `<a>${'ø'.repeat(20)}</a>`; // 27 characters, 47 bytes
    expect(errorCode(text, { maxInputSize: 27 })).toBe('OK');
    expect(errorCode(new TextEncoder().encode(text), { maxInputSize: 46 })).toBe('XML_TOO_LARGE');
    expect(errorCode(new TextEncoder().encode(text), { maxInputSize: 47 })).toBe('OK');
  });

  it('has defaults that fit a large municipality and refuse bombs', () => {
    expect(DEFAULT_XML_LIMITS).toEqual({
      maxInputSize: 64 * 1024 * 1024,
      maxDepth: 32,
      maxElements: 2_000_000,
      maxAttributesPerElement: 64,
      maxAttributeValueLength: 32 * 1024,
      maxTextLength: 1024 * 1024,
    });
    expect(Object.isFrozen(DEFAULT_XML_LIMITS)).toBe(true);
  });

  it('keeps every element of a wide document', () => {
    const root = parseXml(`<r>${'<a><b/></a>'.repeat(10_000)}</r>`);
    expect([...descendants(root)]).toHaveLength(20_000);
  });
});

describe('parse errors say where, not what', () => {
  it.each([
    ['<r><CANARY12345678901></r>', 'The document is not well-formed XML (line 1, column 26): unexpected close tag.'],
    ['<r>\n<x:CANARY/></r>', 'The document is not well-formed XML (line 2, column 11): unbound namespace prefix.'],
    ['<r a="CANARY" a="CANARY"/>', 'The document is not well-formed XML (line 1, column 26): duplicate attribute.'],
    ['<r>&CANARY;</r>', 'The document is not well-formed XML (line 1, column 11): undefined entity.'],
    ['<r><CANARY>', 'The document is not well-formed XML (line 1, column 11): unclosed tag.'],
  ])('%j', (input, message) => {
    expect(() => parseXml(input)).toThrow(message);
  });
});
