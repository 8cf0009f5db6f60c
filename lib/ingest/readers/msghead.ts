/**
 * Reads a MsgHead v1.2 (hodemelding) carrying a KPR_IPL or KPR_IDE (domain.md §2–§3). Namespace
 * aware: a default namespace or any prefix works; elements outside the MsgHead namespace are not
 * MsgHead elements. Returns the metadata, plus the payload element for the content readers; the
 * payload of a KPR_IDE holds identity numbers and must go nowhere but `readIdentityContent`.
 */
import { type XmlElement, attributeValue, childElements, firstChild } from './element';
import { type ReaderWarning, XmlReadError } from './errors';
import {
  MAX_MESSAGE_ID_LENGTH,
  MAX_NAME_LENGTH,
  herId,
  invalidValue,
  missingElement,
  noIdentityNumber,
  optionalText,
  requireChild,
  requireChildDateTime,
  requireChildText,
  requireText,
} from './fields';

export const MSGHEAD_NAMESPACE = 'http://www.kith.no/xmlstds/msghead/2006-05-24';
export const MSGHEAD_MIG_VERSION = 'v1.2 2006-05-24';

export const KPR_MESSAGE_TYPES = ['KPR_IPL', 'KPR_IDE'] as const;
export type KprMessageType = (typeof KPR_MESSAGE_TYPES)[number];

/** MsgInfo/ProcessingStatus (code system 8113): P production, T training, D test. */
export type ProcessingStatus = 'P' | 'T' | 'D';
/** MsgInfo/Ack (code system 7304): J yes, N no, F only on error. */
export type AckRequest = 'J' | 'N' | 'F';
export type ReceiverEnvironment = 'PRODUCTION' | 'VALIDATION';

/** One receiver address, as in prisma/data/endpoints.json and the Endpoint table. */
export interface ReceiverEndpoint {
  herId: number;
  level: number;
  parentHerId: number | null;
  environment: ReceiverEnvironment | null;
}

export interface MsgHeadOrganisation {
  name: string | null;
  herId: number | null;
  /** The ENH ident: nine digits as sent (not checked against mod-11; it is the sender's own). */
  organisationNumber: string | null;
}

export interface MsgHead {
  type: KprMessageType;
  migVersion: string;
  genDate: Date;
  /** MsgInfo/MsgId as sent (trimmed); not necessarily a UUID. */
  msgId: string;
  processingStatus: ProcessingStatus | null;
  ack: AckRequest | null;
  /** Level 1 (the municipality) and, when given, level 2 (its service). */
  sender: MsgHeadOrganisation & { service: MsgHeadOrganisation | null };
  /** Level-1 (FHI) and level-2 (KPR service) HER-ids; the level-2 one decides the environment. */
  receiver: { herId: number; serviceHerId: number; environment: ReceiverEnvironment };
  warnings: ReaderWarning[];
}

export interface MsgHeadReading {
  msgHead: MsgHead;
  /** The single element inside Document/RefDoc/Content. */
  payload: XmlElement;
}

const NS = MSGHEAD_NAMESPACE;
const INFO = 'MsgHead/MsgInfo';
const MAX_IDENT_LENGTH = 64;

export function isMsgHeadRoot(root: XmlElement): boolean {
  return root.local === 'MsgHead' && root.uri === NS;
}

export function readMsgHead(root: XmlElement, endpoints: readonly ReceiverEndpoint[]): MsgHeadReading {
  if (!isMsgHeadRoot(root)) {
    throw new XmlReadError('MSGHEAD_WRONG_ROOT', `The root element must be MsgHead in namespace ${NS}.`);
  }
  const warnings: ReaderWarning[] = [];
  const msgInfo = requireChild(root, 'MsgInfo', NS, 'MSGHEAD', INFO);

  const typeValue = attributeValue(requireChild(msgInfo, 'Type', NS, 'MSGHEAD', `${INFO}/Type`), 'V')?.trim();
  const type = KPR_MESSAGE_TYPES.find((known) => known === typeValue);
  if (type === undefined) {
    throw new XmlReadError(
      'MSGHEAD_UNSUPPORTED_TYPE',
      `${INFO}/Type/@V names a message type that is not supported; expected ${KPR_MESSAGE_TYPES.join(' or ')}.`,
    );
  }

  const migVersion = requireChildText(msgInfo, 'MIGversion', NS, 'MSGHEAD', INFO, MAX_IDENT_LENGTH);
  if (migVersion !== MSGHEAD_MIG_VERSION) {
    warnings.push({
      code: 'MIGVERSION_MISMATCH',
      message: `${INFO}/MIGversion differs from "${MSGHEAD_MIG_VERSION}"; the document was read as MsgHead v1.2 by its namespace.`,
    });
  }

  const msgHead: MsgHead = {
    type,
    migVersion,
    genDate: requireChildDateTime(msgInfo, 'GenDate', NS, 'MSGHEAD', INFO),
    msgId: noIdentityNumber(
      requireChildText(msgInfo, 'MsgId', NS, 'MSGHEAD', INFO, MAX_MESSAGE_ID_LENGTH),
      'MSGHEAD',
      `${INFO}/MsgId`,
    ),
    processingStatus: codedValue(msgInfo, 'ProcessingStatus', ['P', 'T', 'D']),
    ack: codedValue(msgInfo, 'Ack', ['J', 'N', 'F']),
    sender: readSender(requireChild(msgInfo, 'Sender', NS, 'MSGHEAD', `${INFO}/Sender`)),
    receiver: readReceiver(requireChild(msgInfo, 'Receiver', NS, 'MSGHEAD', `${INFO}/Receiver`), endpoints),
    warnings,
  };
  return { msgHead, payload: readPayload(root) };
}

/** An optional coded element (CS) whose @V must be one of `allowed`. */
function codedValue<const T extends string>(msgInfo: XmlElement, local: string, allowed: readonly T[]): T | null {
  const element = firstChild(msgInfo, local, NS);
  if (element === undefined) return null;
  const value = attributeValue(element, 'V')?.trim();
  const known = allowed.find((candidate) => candidate === value);
  if (known === undefined) throw invalidValue('MSGHEAD', `${INFO}/${local}/@V`, `must be one of ${allowed.join(', ')}`);
  return known;
}

function readSender(sender: XmlElement): MsgHead['sender'] {
  const path = `${INFO}/Sender/Organisation`;
  const organisation = requireChild(sender, 'Organisation', NS, 'MSGHEAD', path);
  const level1 = readOrganisation(organisation, path);
  if (level1.name === null) throw missingElement('MSGHEAD', `${path}/OrganisationName`);
  const service = firstChild(organisation, 'Organisation', NS);
  return { ...level1, service: service === undefined ? null : readOrganisation(service, `${path}/Organisation`) };
}

function readReceiver(receiver: XmlElement, endpoints: readonly ReceiverEndpoint[]): MsgHead['receiver'] {
  const path = `${INFO}/Receiver/Organisation`;
  const organisation = requireChild(receiver, 'Organisation', NS, 'MSGHEAD', path);
  const level1 = readOrganisation(organisation, path).herId;
  if (level1 === null) throw missingElement('MSGHEAD', `${path}/Ident with TypeId HER`);
  const service = requireChild(organisation, 'Organisation', NS, 'MSGHEAD', `${path}/Organisation`);
  const level2 = readOrganisation(service, `${path}/Organisation`).herId;
  if (level2 === null) throw missingElement('MSGHEAD', `${path}/Organisation/Ident with TypeId HER`);

  const endpoint = endpoints.find((candidate) => candidate.level === 2 && candidate.herId === level2);
  if (
    endpoint === undefined ||
    endpoint.environment === null ||
    (endpoint.parentHerId !== null && endpoint.parentHerId !== level1)
  ) {
    const known = endpoints
      .filter((candidate) => candidate.level === 2 && candidate.environment !== null)
      .map((candidate) => `${candidate.parentHerId ?? '?'}/${candidate.herId} (${candidate.environment})`);
    throw new XmlReadError(
      'MSGHEAD_UNKNOWN_RECEIVER',
      `The receiver is not a KPR endpoint; expected level-1/level-2 HER-ids ${known.join(' or ')}.`,
    );
  }
  return { herId: level1, serviceHerId: level2, environment: endpoint.environment };
}

function readOrganisation(organisation: XmlElement, path: string): MsgHeadOrganisation {
  const result: MsgHeadOrganisation = {
    name: optionalText(
      firstChild(organisation, 'OrganisationName', NS),
      'MSGHEAD',
      `${path}/OrganisationName`,
      MAX_NAME_LENGTH,
    ),
    herId: null,
    organisationNumber: null,
  };
  for (const ident of childElements(organisation, 'Ident', NS)) {
    const typeId = firstChild(ident, 'TypeId', NS);
    const kind = typeId === undefined ? undefined : attributeValue(typeId, 'V')?.trim();
    if (kind !== 'HER' && kind !== 'ENH') continue;
    const idPath = `${path}/Ident/Id (TypeId ${kind})`;
    const id = requireText(requireChild(ident, 'Id', NS, 'MSGHEAD', idPath), 'MSGHEAD', idPath, MAX_IDENT_LENGTH);
    if (kind === 'HER') {
      result.herId ??= herId(id, 'MSGHEAD', idPath);
    } else {
      if (!/^\d{9}$/.test(id)) throw invalidValue('MSGHEAD', idPath, 'must be a nine-digit organisation number');
      result.organisationNumber ??= id;
    }
  }
  return result;
}

function readPayload(root: XmlElement): XmlElement {
  const document = requireChild(root, 'Document', NS, 'MSGHEAD', 'MsgHead/Document');
  const refDoc = requireChild(document, 'RefDoc', NS, 'MSGHEAD', 'MsgHead/Document/RefDoc');
  const content = requireChild(refDoc, 'Content', NS, 'MSGHEAD', 'MsgHead/Document/RefDoc/Content');
  const [payload, ...others] = content.children;
  if (payload === undefined || others.length > 0) {
    throw new XmlReadError(
      'MSGHEAD_CONTENT_INVALID',
      'MsgHead/Document/RefDoc/Content must hold exactly one element: the KPR_IPL or KPR_IDE payload.',
    );
  }
  return payload;
}
