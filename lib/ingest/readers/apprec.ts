/**
 * Reads an AppRec (applikasjonskvittering) 1.0 or 1.1 (domain.md §4). The namespace decides the
 * version; a default namespace or any prefix works. An Apprec is linked to its message only by
 * `originalMsgId.id` (= the MsgHead's MsgInfo/MsgId), never by role or names.
 *
 * Rules: Status/@V is 1, 2 or 3 in code system 8258. Avvist (2) without any Error is refused
 * (APPREC_REJECTED_WITHOUT_ERRORS), as the standard requires at least one. OK (1) WITH Errors is
 * accepted as OK with a warning and the errors kept: the Apprec is FHI's final answer, and refusing
 * it would make the dashboard report a missing Apprec for a delivery FHI accepted.
 * Error attributes are kept as given (a receiver may use its own code system); read-document.ts
 * masks any national identity number in them, and in the names, before the AppRec leaves the
 * readers. An Id or OriginalMsgId/Id holding one is refused: masking would make two ids one.
 */
import { type XmlElement, attributeValue, childElements, firstChild, trimmedText } from './element';
import { type ReaderWarning, XmlReadError } from './errors';
import {
  MAX_MESSAGE_ID_LENGTH,
  MAX_NAME_LENGTH,
  herId,
  invalidValue,
  noIdentityNumber,
  optionalText,
  requireChild,
  requireChildDateTime,
  requireChildText,
  requireDateTime,
} from './fields';

export const APPREC_NAMESPACES = {
  V1_0: 'http://www.kith.no/xmlstds/apprec/2004-11-21',
  V1_1: 'http://www.kith.no/xmlstds/apprec/2012-02-15',
} as const;
export const APPREC_MIG_VERSIONS = {
  V1_0: '1.0 2004-11-21',
  V1_1: 'v1.1 2012-02-15',
} as const;
export type ApprecVersion = keyof typeof APPREC_NAMESPACES;

export const APPREC_STATUS_CODE_SYSTEM = '2.16.578.1.12.4.1.1.8258';
const STATUS_BY_CODE = { '1': 'OK', '2': 'REJECTED', '3': 'OK_WITH_ERRORS' } as const;
export type ApprecStatus = (typeof STATUS_BY_CODE)[keyof typeof STATUS_BY_CODE];

export interface ApprecErrorEntry {
  /** Error/@V */
  code: string;
  /** Error/@S: the code system's OID (…8221 for the general list) */
  codeSystem: string | null;
  /** Error/@DN */
  displayName: string | null;
  /** Error/@OT: free text */
  freeText: string | null;
}

export interface ApprecParty {
  /** HCP/Inst/Name */
  name: string | null;
  /** Level 1: the HER-id on HCP/Inst. */
  herId: number | null;
  /** Level 2: the HER-id on HCP/Inst/Dept or HCP/Inst/HCPerson. */
  serviceHerId: number | null;
}

export interface ApprecDocument {
  version: ApprecVersion;
  migVersion: string;
  id: string;
  genDate: Date;
  status: ApprecStatus;
  /** In document order (the position is the index). */
  errors: ApprecErrorEntry[];
  /** The party that received the original message (FHI). */
  sender: ApprecParty;
  /** The original message's sender (the municipality). */
  receiver: ApprecParty;
  originalMsgId: { id: string; msgType: string | null; issueDate: Date | null };
  warnings: ReaderWarning[];
}

/** The AppRec version a root element is, or null when it is not an AppRec root. */
export function apprecVersionOf(root: XmlElement): ApprecVersion | null {
  if (root.local !== 'AppRec') return null;
  if (root.uri === APPREC_NAMESPACES.V1_0) return 'V1_0';
  if (root.uri === APPREC_NAMESPACES.V1_1) return 'V1_1';
  return null;
}

export function readApprec(root: XmlElement): ApprecDocument {
  const version = apprecVersionOf(root);
  if (version === null) {
    throw new XmlReadError(
      'APPREC_WRONG_ROOT',
      `The root element must be AppRec in namespace ${APPREC_NAMESPACES.V1_0} or ${APPREC_NAMESPACES.V1_1}.`,
    );
  }
  const ns = APPREC_NAMESPACES[version];
  const warnings: ReaderWarning[] = [];

  const msgType = attributeValue(requireChild(root, 'MsgType', ns, 'APPREC', 'AppRec/MsgType'), 'V')?.trim();
  if (msgType !== 'APPREC') throw invalidValue('APPREC', 'AppRec/MsgType/@V', 'must be APPREC');

  const migVersion = requireChildText(root, 'MIGversion', ns, 'APPREC', 'AppRec', 64);
  if (migVersion !== APPREC_MIG_VERSIONS[version]) {
    warnings.push({
      code: 'MIGVERSION_MISMATCH',
      message: `AppRec/MIGversion differs from "${APPREC_MIG_VERSIONS[version]}"; the document was read as AppRec ${version === 'V1_0' ? '1.0' : '1.1'} by its namespace.`,
    });
  }

  const status = readStatus(requireChild(root, 'Status', ns, 'APPREC', 'AppRec/Status'));
  const errors = childElements(root, 'Error', ns).map(readError);
  if (status === 'REJECTED' && errors.length === 0) {
    throw new XmlReadError(
      'APPREC_REJECTED_WITHOUT_ERRORS',
      'AppRec/Status is 2 (Avvist) but the AppRec has no Error; a rejection must give at least one.',
    );
  }
  if (status === 'OK' && errors.length > 0) {
    warnings.push({
      code: 'APPREC_OK_WITH_ERRORS',
      message: 'AppRec/Status is 1 (OK) but the AppRec lists errors; it was read as OK and the errors were kept.',
    });
  }
  if (status === 'OK_WITH_ERRORS' && errors.length === 0) {
    warnings.push({
      code: 'APPREC_STATUS_3_WITHOUT_ERRORS',
      message: 'AppRec/Status is 3 (OK, feil i delmelding) but the AppRec has no Error.',
    });
  }

  const original = requireChild(root, 'OriginalMsgId', ns, 'APPREC', 'AppRec/OriginalMsgId');
  const originalMsgType = firstChild(original, 'MsgType', ns);
  const issueDate = firstChild(original, 'IssueDate', ns);

  return {
    version,
    migVersion,
    id: noIdentityNumber(
      requireChildText(root, 'Id', ns, 'APPREC', 'AppRec', MAX_MESSAGE_ID_LENGTH),
      'APPREC',
      'AppRec/Id',
    ),
    genDate: requireChildDateTime(root, 'GenDate', ns, 'APPREC', 'AppRec'),
    status,
    errors,
    sender: readParty(requireChild(root, 'Sender', ns, 'APPREC', 'AppRec/Sender'), ns, 'AppRec/Sender'),
    receiver: readParty(requireChild(root, 'Receiver', ns, 'APPREC', 'AppRec/Receiver'), ns, 'AppRec/Receiver'),
    originalMsgId: {
      id: noIdentityNumber(
        requireChildText(original, 'Id', ns, 'APPREC', 'AppRec/OriginalMsgId', MAX_MESSAGE_ID_LENGTH),
        'APPREC',
        'AppRec/OriginalMsgId/Id',
      ),
      msgType: nonEmpty(originalMsgType === undefined ? undefined : attributeValue(originalMsgType, 'V')?.trim()),
      issueDate:
        issueDate === undefined || trimmedText(issueDate) === ''
          ? null
          : requireDateTime(issueDate, 'APPREC', 'AppRec/OriginalMsgId/IssueDate'),
    },
    warnings,
  };
}

function readStatus(status: XmlElement): ApprecStatus {
  const code = attributeValue(status, 'V')?.trim() ?? '';
  const codeSystem = attributeValue(status, 'S')?.trim();
  if (!Object.hasOwn(STATUS_BY_CODE, code) || (codeSystem !== undefined && codeSystem !== APPREC_STATUS_CODE_SYSTEM)) {
    throw new XmlReadError(
      'APPREC_UNKNOWN_STATUS',
      `AppRec/Status must be 1 (OK), 2 (Avvist) or 3 (OK, feil i delmelding) in code system ${APPREC_STATUS_CODE_SYSTEM}.`,
    );
  }
  return STATUS_BY_CODE[code as keyof typeof STATUS_BY_CODE];
}

function readError(error: XmlElement): ApprecErrorEntry {
  const code = attributeValue(error, 'V')?.trim();
  if (code === undefined || code === '') throw invalidValue('APPREC', 'AppRec/Error/@V', 'must not be empty');
  return {
    code,
    codeSystem: nonEmpty(attributeValue(error, 'S')?.trim()),
    displayName: nonEmpty(attributeValue(error, 'DN')),
    freeText: nonEmpty(attributeValue(error, 'OT')),
  };
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}

/** Sender/Receiver > HCP > Inst (level 1) > Dept | HCPerson (level 2); an empty Inst gives nulls. */
function readParty(party: XmlElement, ns: string, path: string): ApprecParty {
  const hcp = firstChild(party, 'HCP', ns);
  const inst = hcp === undefined ? undefined : firstChild(hcp, 'Inst', ns);
  if (inst === undefined) return { name: null, herId: null, serviceHerId: null };
  const instPath = `${path}/HCP/Inst`;
  const level2 = [...childElements(inst, 'Dept', ns), ...childElements(inst, 'HCPerson', ns)];
  return {
    name: optionalText(firstChild(inst, 'Name', ns), 'APPREC', `${instPath}/Name`, MAX_NAME_LENGTH),
    herId: herIdOf(inst, ns, instPath),
    serviceHerId:
      level2.map((unit) => herIdOf(unit, ns, `${instPath}/${unit.local}`)).find((id) => id !== null) ?? null,
  };
}

/** The HER-id of an Inst, Dept or HCPerson: Id when TypeId is HER, else an AdditionalId of Type HER. */
function herIdOf(unit: XmlElement, ns: string, path: string): number | null {
  const typeId = firstChild(unit, 'TypeId', ns);
  const id = firstChild(unit, 'Id', ns);
  if (typeId !== undefined && id !== undefined && attributeValue(typeId, 'V')?.trim() === 'HER') {
    return herId(trimmedText(id), 'APPREC', `${path}/Id`);
  }
  for (const additional of childElements(unit, 'AdditionalId', ns)) {
    const type = firstChild(additional, 'Type', ns);
    const additionalId = firstChild(additional, 'Id', ns);
    if (type !== undefined && additionalId !== undefined && attributeValue(type, 'V')?.trim() === 'HER') {
      return herId(trimmedText(additionalId), 'APPREC', `${path}/AdditionalId/Id`);
    }
  }
  return null;
}
