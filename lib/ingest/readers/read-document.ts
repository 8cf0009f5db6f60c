/**
 * One entry point for everything that receives a KPR document (the API route, the staff upload,
 * the browser self-check): parse safely, tell MsgHead from AppRec, read the head and summarise the
 * payload. The result holds metadata and aggregates only — no element tree, so a KPR_IDE's
 * identity numbers cannot travel further by accident. Every free text it returns (organisation
 * names, iiSysID, iiSysVersjon, iiLopenr, an AppRec's names and error texts) has any national
 * identity number masked (lib/core/identity-masking.ts), with an IDENTITY_NUMBER_MASKED warning
 * naming the fields, never the number.
 */
import { maskIdentityNumbersDeep } from '../../core/identity-masking';
import { APPREC_NAMESPACES, type ApprecDocument, apprecVersionOf, readApprec } from './apprec';
import { type ReaderWarning, XmlReadError } from './errors';
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
  if (apprecVersionOf(root) !== null) {
    const apprec = masked(readApprec(root), APPREC_FIELDS);
    return { kind: 'APPREC', apprec };
  }
  if (!isMsgHeadRoot(root)) {
    throw new XmlReadError(
      'DOCUMENT_UNSUPPORTED',
      `The document must be a MsgHead (namespace ${MSGHEAD_NAMESPACE}) or an AppRec (namespace ${APPREC_NAMESPACES.V1_0} or ${APPREC_NAMESPACES.V1_1}).`,
    );
  }
  const reading = readMsgHead(root, options.endpoints);
  const msgHead = masked(reading.msgHead, MSGHEAD_FIELDS);
  if (msgHead.type === 'KPR_IPL') {
    const content = readIplosContent(reading.payload);
    return {
      kind: 'KPR_IPL',
      msgHead,
      content: { ...content, header: maskedInto(msgHead, content.header, 'INNHINFO') },
    };
  }
  const content = readIdentityContent(reading.payload, options.testPersonNames);
  return { kind: 'KPR_IDE', msgHead, content: maskedInto(msgHead, content, 'INNHINFO') };
}

/** A masked value's path in the object the readers return, as the element path a sender recognises. */
const MSGHEAD_FIELDS: Record<string, string> = {
  'sender.name': 'MsgInfo/Sender/Organisation/OrganisationName',
  'sender.service.name': 'MsgInfo/Sender/Organisation/Organisation/OrganisationName',
  'INNHINFO.epjSystem': 'INNHINFO/iiSysID',
  'INNHINFO.epjVersion': 'INNHINFO/iiSysVersjon',
  'INNHINFO.runNumber': 'INNHINFO/iiLopenr',
};
const APPREC_FIELDS: Record<string, string> = {
  'sender.name': 'AppRec/Sender/HCP/Inst/Name',
  'receiver.name': 'AppRec/Receiver/HCP/Inst/Name',
};
const APPREC_ERROR_ATTRIBUTES: Record<string, string> = {
  code: 'V',
  codeSystem: 'S',
  displayName: 'DN',
  freeText: 'OT',
};

function fieldPath(path: string, fields: Record<string, string>): string {
  const error = /^errors\.(\d+)\.(\w+)$/.exec(path);
  if (error && fields === APPREC_FIELDS) {
    return `AppRec/Error[${Number(error[1]) + 1}]/@${APPREC_ERROR_ATTRIBUTES[error[2]!] ?? error[2]}`;
  }
  return fields[path] ?? path;
}

/** The fields named in a document's IDENTITY_NUMBER_MASKED warning (empty when nothing was masked). */
export function maskedFieldsOf(warnings: readonly ReaderWarning[]): string[] {
  return warnings.find((warning) => warning.code === 'IDENTITY_NUMBER_MASKED')?.fields ?? [];
}

function addMaskedFields(warnings: ReaderWarning[], paths: string[], names: Record<string, string>): void {
  if (paths.length === 0) return;
  const fields = [...new Set([...maskedFieldsOf(warnings), ...paths.map((path) => fieldPath(path, names))])];
  const others = warnings.filter((warning) => warning.code !== 'IDENTITY_NUMBER_MASKED');
  warnings.splice(0, warnings.length, ...others, {
    code: 'IDENTITY_NUMBER_MASKED',
    message: `A national identity number was masked in ${fields.join(', ')}.`,
    fields,
  });
}

/** The document part with every identity number masked, recorded in its own warnings. */
function masked<T extends { warnings: ReaderWarning[] }>(part: T, names: Record<string, string>): T {
  const { warnings, ...rest } = part;
  const result = maskIdentityNumbersDeep(rest);
  const kept = [...warnings];
  addMaskedFields(kept, result.maskedPaths, names);
  return { ...(result.value as Omit<T, 'warnings'>), warnings: kept } as T;
}

/** A payload part with every identity number masked, recorded in the MsgHead's warnings. */
function maskedInto<T>(msgHead: MsgHead, part: T, prefix: string): T {
  const result = maskIdentityNumbersDeep(part);
  addMaskedFields(
    msgHead.warnings,
    result.maskedPaths.map((path) => `${prefix}.${path}`),
    MSGHEAD_FIELDS,
  );
  return result.value;
}
