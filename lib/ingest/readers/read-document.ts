/**
 * One entry point for everything that receives a KPR document (the API route, the staff upload,
 * the browser self-check): parse safely, tell MsgHead from AppRec, read the head and summarise the
 * payload. The result holds metadata and aggregates only — no element tree, so a KPR_IDE's
 * identity numbers cannot travel further by accident.
 */
import { APPREC_NAMESPACES, type ApprecDocument, apprecVersionOf, readApprec } from './apprec';
import { XmlReadError } from './errors';
import { type IdentityContent, type IplosContent, readIdentityContent, readIplosContent } from './iplos';
import { MSGHEAD_NAMESPACE, type MsgHead, type ReceiverEndpoint, isMsgHeadRoot, readMsgHead } from './msghead';
import { type XmlLimits, parseXml } from './parse';

export interface ReadKprDocumentOptions {
  /** Receiver addresses (endpoints.json / the Endpoint table): decide the environment of a MsgHead. */
  endpoints: readonly ReceiverEndpoint[];
  /** Overrides of DEFAULT_XML_LIMITS. */
  limits?: Partial<XmlLimits>;
  /** Overrides DEFAULT_TEST_PERSON_NAMES for a KPR_IDE. */
  testPersonNames?: readonly string[];
}

export type KprDocument =
  | { kind: 'KPR_IPL'; msgHead: MsgHead; content: IplosContent }
  | { kind: 'KPR_IDE'; msgHead: MsgHead; content: IdentityContent }
  | { kind: 'APPREC'; apprec: ApprecDocument };

/** Reads a MsgHead (KPR_IPL or KPR_IDE) or an AppRec, or throws an XmlReadError. */
export function readKprDocument(input: Uint8Array | string, options: ReadKprDocumentOptions): KprDocument {
  const root = parseXml(input, options.limits);
  if (apprecVersionOf(root) !== null) return { kind: 'APPREC', apprec: readApprec(root) };
  if (!isMsgHeadRoot(root)) {
    throw new XmlReadError(
      'DOCUMENT_UNSUPPORTED',
      `The document must be a MsgHead (namespace ${MSGHEAD_NAMESPACE}) or an AppRec (namespace ${APPREC_NAMESPACES.V1_0} or ${APPREC_NAMESPACES.V1_1}).`,
    );
  }
  const { msgHead, payload } = readMsgHead(root, options.endpoints);
  return msgHead.type === 'KPR_IPL'
    ? { kind: 'KPR_IPL', msgHead, content: readIplosContent(payload) }
    : { kind: 'KPR_IDE', msgHead, content: readIdentityContent(payload, options.testPersonNames) };
}
