/**
 * NHN's packaging of a message body (Helsenorge.Messaging's "sign then encrypt"): a CMS SignedData
 * (SHA-256, the signer's certificate inside, identified by issuer and serial), wrapped in a CMS
 * EnvelopedData to the receiver's encryption certificate (RSA key transport, AES-CBC, as .NET's
 * EnvelopedCms makes it). openCms decrypts with our key, verifies the signature and the signer's
 * certificate against the configured trust anchors, and returns the inner document or a typed refusal
 * with a Norwegian reason. ASN.1 and the signature through pkijs; the RSA and AES steps through
 * Node's crypto, because WebCrypto has neither RSA PKCS#1 v1.5 decryption nor Triple-DES.
 */
import {
  constants,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  privateDecrypt,
  randomBytes,
  webcrypto,
  type KeyObject,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CMS_REFUSAL_LABELS } from './labels';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaesOaep: '1.2.840.113549.1.1.7',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  desEde3Cbc: '1.2.840.113549.3.7',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
} as const;

/** Content encryption a sender may use: .NET's default (AES-256-CBC), the other AES sizes, and older .NET's Triple-DES. */
const CONTENT_CIPHERS: Record<string, { cipher: string; keyLength: number }> = {
  [OID.aes128Cbc]: { cipher: 'aes-128-cbc', keyLength: 16 },
  [OID.aes192Cbc]: { cipher: 'aes-192-cbc', keyLength: 24 },
  [OID.aes256Cbc]: { cipher: 'aes-256-cbc', keyLength: 32 },
  [OID.desEde3Cbc]: { cipher: 'des-ede3-cbc', keyLength: 24 },
};

/** A certificate with its private key: ours for decryption, or a sender's for signing (cms-seal.ts). */
export type CmsCredential = { certificate: pkijs.Certificate; privateKey: KeyObject };

/** What openCms needs: our decryption credentials (the current one first, then any older one still in use) and the CAs we trust. */
export type CmsKeys = { receivers: CmsCredential[]; trustAnchors: pkijs.Certificate[] };

export type CmsRefusalKind = Exclude<keyof typeof CMS_REFUSAL_LABELS, 'cms-off'>;

/** The verified signer, for the record: names and serial, never a personal identity number. */
export type CmsSigner = { subject: string; issuer: string; serialNumber: string; validTo: string };

export type CmsOpened = { ok: true; content: Uint8Array; signer: CmsSigner };
export type CmsRefusal = {
  ok: false;
  kind: CmsRefusalKind;
  /** Norwegian, for the intake-errors list. */
  reason: string;
  /** A tampered, unsigned or untrusted signature: someone may be posing as a sender. */
  spoofing: boolean;
  /** English, technical, for the log: never the content. */
  detail: string;
};

const SPOOFING: ReadonlySet<CmsRefusalKind> = new Set(['unsigned', 'signature-invalid', 'signer-untrusted']);

export function cmsRefusal(kind: CmsRefusalKind, detail: string): CmsRefusal {
  return { ok: false, kind, reason: CMS_REFUSAL_LABELS[kind], spoofing: SPOOFING.has(kind), detail };
}

class Refused extends Error {
  constructor(readonly refusal: CmsRefusal) {
    super(refusal.detail);
  }
}
const refuse = (kind: CmsRefusalKind, detail: string): never => {
  throw new Refused(cmsRefusal(kind, detail));
};

/** Opens a signed-then-enveloped body: decrypt, verify at `now`, return the inner document. Never throws for a bad body. */
export async function openCms(
  body: Uint8Array,
  keys: CmsKeys,
  options: { now?: Date } = {},
): Promise<CmsOpened | CmsRefusal> {
  try {
    const signedBytes = decryptEnvelope(body, keys);
    return await verifySigned(signedBytes, keys.trustAnchors, options.now ?? new Date());
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    return cmsRefusal('malformed', `unreadable CMS: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseContentInfo(bytes: Uint8Array, expectedType: string, what: string): pkijs.ContentInfo {
  const asn1 = asn1js.fromBER(bytes);
  if (asn1.offset === -1) refuse('malformed', `${what}: not BER`);
  let info: pkijs.ContentInfo | undefined;
  try {
    info = new pkijs.ContentInfo({ schema: asn1.result });
  } catch {
    refuse('malformed', `${what}: not a CMS ContentInfo`);
  }
  if (info!.contentType !== expectedType) refuse('malformed', `${what}: content type ${info!.contentType}`);
  return info!;
}

/** Step 1: find the recipient that is us, unwrap the content key, decrypt. Returns the SignedData's bytes. */
function decryptEnvelope(body: Uint8Array, keys: CmsKeys): { bytes: Uint8Array; contentType: string } {
  const info = parseContentInfo(body, OID.envelopedData, 'envelope');
  const enveloped = new pkijs.EnvelopedData({ schema: info.content });
  let match: { receiver: CmsCredential; recipient: pkijs.KeyTransRecipientInfo } | undefined;
  for (const recipientInfo of enveloped.recipientInfos) {
    if (recipientInfo.variant !== 1) continue;
    const recipient = recipientInfo.value as pkijs.KeyTransRecipientInfo;
    const receiver = keys.receivers.find((candidate) => isRecipient(recipient, candidate.certificate));
    if (receiver) {
      match = { receiver, recipient };
      break;
    }
  }
  if (!match) return refuse('not-for-us', `none of ${enveloped.recipientInfos.length} recipient(s) is our certificate`);

  const contentInfo = enveloped.encryptedContentInfo;
  const algorithm = CONTENT_CIPHERS[contentInfo.contentEncryptionAlgorithm.algorithmId];
  if (!algorithm)
    refuse('unsupported-algorithm', `content cipher ${contentInfo.contentEncryptionAlgorithm.algorithmId}`);
  const ivParameter = contentInfo.contentEncryptionAlgorithm.algorithmParams;
  if (!(ivParameter instanceof asn1js.OctetString)) return refuse('malformed', 'content cipher without IV');

  const unwrapped = unwrapContentKey(match.receiver.privateKey, match.recipient);
  // A wrong key or padding goes on with a random key, so that both end alike (cannot decrypt), as RFC 3218 advises.
  const contentKey = unwrapped?.length === algorithm!.keyLength ? unwrapped : randomBytes(algorithm!.keyLength);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv(algorithm!.cipher, contentKey, ivParameter.valueBlock.valueHexView);
    plain = Buffer.concat([decipher.update(new Uint8Array(contentInfo.getEncryptedContent())), decipher.final()]);
  } catch {
    return refuse('cannot-decrypt', 'content decryption failed (wrong key or damaged envelope)');
  }
  return { bytes: plain, contentType: contentInfo.contentType };
}

function isRecipient(recipient: pkijs.KeyTransRecipientInfo, certificate: pkijs.Certificate): boolean {
  const rid = recipient.rid;
  if (rid instanceof pkijs.IssuerAndSerialNumber) {
    return rid.issuer.isEqual(certificate.issuer) && rid.serialNumber.isEqual(certificate.serialNumber);
  }
  const keyId = subjectKeyIdentifier(certificate);
  const ridBytes = (rid as asn1js.OctetString).valueBlock?.valueHexView;
  return !!keyId && !!ridBytes && Buffer.from(keyId).equals(Buffer.from(ridBytes));
}

function subjectKeyIdentifier(certificate: pkijs.Certificate): Uint8Array | null {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === OID.subjectKeyIdentifier);
  const value = extension?.parsedValue as asn1js.OctetString | undefined;
  return value?.valueBlock?.valueHexView ?? null;
}

/** RSA key transport: PKCS#1 v1.5 (.NET's default; Node refuses it as padding, so it is undone here) or OAEP. */
function unwrapContentKey(privateKey: KeyObject, recipient: pkijs.KeyTransRecipientInfo): Uint8Array | null {
  const encrypted = recipient.encryptedKey.valueBlock.valueHexView;
  const algorithm = recipient.keyEncryptionAlgorithm;
  if (algorithm.algorithmId === OID.rsaesOaep) {
    const parameters = algorithm.algorithmParams
      ? new pkijs.RSAESOAEPParams({ schema: algorithm.algorithmParams })
      : new pkijs.RSAESOAEPParams();
    const hash = HASH_NAMES[parameters.hashAlgorithm.algorithmId];
    if (!hash) return refuse('unsupported-algorithm', `OAEP hash ${parameters.hashAlgorithm.algorithmId}`);
    try {
      return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, encrypted);
    } catch {
      return null;
    }
  }
  if (algorithm.algorithmId !== OID.rsaEncryption) {
    return refuse('unsupported-algorithm', `key transport ${algorithm.algorithmId}`);
  }
  const modulusBytes = Math.ceil((privateKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (encrypted.length > modulusBytes) return null;
  const block = Buffer.alloc(modulusBytes);
  block.set(encrypted, modulusBytes - encrypted.length);
  let em: Buffer;
  try {
    em = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, block);
  } catch {
    return null;
  }
  // EM = 0x00 || 0x02 || PS (at least 8 non-zero bytes) || 0x00 || key
  const separator = em.indexOf(0, 2);
  if (em[0] !== 0 || em[1] !== 2 || separator < 10) return null;
  return em.subarray(separator + 1);
}

const HASH_NAMES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Step 2: the signature over the content, then the signer's certificate: a path to a trust anchor, valid at `now`. */
async function verifySigned(
  decrypted: { bytes: Uint8Array; contentType: string },
  trustAnchors: pkijs.Certificate[],
  now: Date,
): Promise<CmsOpened> {
  let signed: pkijs.SignedData;
  try {
    // .NET puts a whole ContentInfo(SignedData) inside the envelope's "data"; some senders put the SignedData itself.
    signed =
      decrypted.contentType === OID.signedData
        ? new pkijs.SignedData({ schema: asn1js.fromBER(decrypted.bytes).result })
        : new pkijs.SignedData({ schema: parseContentInfo(decrypted.bytes, OID.signedData, 'inner').content });
  } catch (error) {
    if (error instanceof Refused) refuse('unsigned', `decrypted content is not a SignedData (${error.refusal.detail})`);
    return refuse('unsigned', 'decrypted content is not a SignedData');
  }
  if (signed.signerInfos.length !== 1) refuse('malformed', `${signed.signerInfos.length} signers, expected one`);
  const content = signed.encapContentInfo.eContent;
  if (!content) return refuse('malformed', 'detached signature: no content inside');

  let result: pkijs.SignedDataVerifyResult;
  try {
    result = await signed.verify({ signer: 0, checkChain: false, extendedMode: true });
  } catch (error) {
    const code = error instanceof pkijs.SignedDataVerifyError ? error.code : 0;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 2 || code === 3) return refuse('signer-untrusted', `signer certificate not included: ${message}`);
    if (code === 7) return refuse('unsupported-algorithm', message);
    return refuse('signature-invalid', message);
  }
  if (!result.signatureVerified || !result.signerCertificate)
    return refuse('signature-invalid', 'signature does not verify');
  const signerCertificate = result.signerCertificate;

  const others = (signed.certificates ?? []).filter(
    (candidate): candidate is pkijs.Certificate =>
      candidate instanceof pkijs.Certificate && candidate !== signerCertificate,
  );
  if (!(await chainIsTrusted(signerCertificate, others, trustAnchors, now))) {
    // Trusted at some instant of the signer's own validity but not now: an expired (or not yet valid) certificate, not a stranger.
    const from = signerCertificate.notBefore.value.getTime();
    const to = signerCertificate.notAfter.value.getTime();
    for (const instant of [to - 1000, from + 1000]) {
      if (await chainIsTrusted(signerCertificate, others, trustAnchors, new Date(instant))) {
        refuse(
          'certificate-expired',
          `certificate valid ${new Date(from).toISOString()} – ${new Date(to).toISOString()}`,
        );
      }
    }
    refuse('signer-untrusted', 'no path from the signer to a trust anchor');
  }
  if (!canSign(signerCertificate))
    refuse('certificate-unusable', 'signer certificate without digitalSignature or nonRepudiation');
  return { ok: true, content: new Uint8Array(content.getValue()), signer: describeSigner(signerCertificate) };
}

async function chainIsTrusted(
  signer: pkijs.Certificate,
  others: pkijs.Certificate[],
  trustAnchors: pkijs.Certificate[],
  checkDate: Date,
): Promise<boolean> {
  if (trustAnchors.length === 0) return false;
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: trustAnchors,
    certs: [...others, signer],
    checkDate,
  });
  try {
    return (await engine.verify()).result;
  } catch {
    return false;
  }
}

/** A signing certificate: its key usage, when it states one, allows digitalSignature or nonRepudiation (NHN's signing certificates have the latter). */
function canSign(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((candidate) => candidate.extnID === OID.keyUsage);
  if (!extension) return true;
  const bits = (extension.parsedValue as asn1js.BitString | undefined)?.valueBlock?.valueHexView;
  return !!bits && bits.length > 0 && (bits[0]! & 0xc0) !== 0;
}

const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.11': 'OU',
  '2.5.4.10': 'O',
  '2.5.4.97': 'organizationIdentifier',
  '2.5.4.7': 'L',
  '2.5.4.6': 'C',
};

/** "CN=…, O=…, C=NO": the names only; a serialNumber attribute and any 11-digit run (a possible identity number) are left out. */
export function describeName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .filter((attribute) => attribute.type in NAME_ATTRIBUTES)
    .map((attribute) => `${NAME_ATTRIBUTES[attribute.type]}=${String(attribute.value.valueBlock.value)}`)
    .join(', ')
    .replace(/\d{11}/g, '•••••••••••');
}

function describeSigner(certificate: pkijs.Certificate): CmsSigner {
  return {
    subject: describeName(certificate.subject),
    issuer: describeName(certificate.issuer),
    serialNumber: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
    validTo: certificate.notAfter.value.toISOString(),
  };
}

// ---- Loading keys and certificates ----

/** Where our receiver credential comes from: a PKCS#12 file with its passphrase, or PEM key and certificate. */
export type CmsKeySource = {
  receiver:
    { pkcs12: Uint8Array; passphrase: string } | { keyPem: string; certificatePem: string; passphrase?: string };
  /** One or more CA certificates (PEM): signers must chain to one of them. */
  trustAnchorsPem: string;
};

export async function loadCmsKeys(source: CmsKeySource): Promise<CmsKeys> {
  const receiver =
    'pkcs12' in source.receiver
      ? await readPkcs12(source.receiver.pkcs12, source.receiver.passphrase)
      : {
          privateKey: createPrivateKey({ key: source.receiver.keyPem, passphrase: source.receiver.passphrase }),
          certificate: onlyCertificate(readPemCertificates(source.receiver.certificatePem), 'receiver certificate'),
        };
  const trustAnchors = readPemCertificates(source.trustAnchorsPem);
  if (trustAnchors.length === 0) throw new Error('CMS: no trust anchor certificate found (PEM expected)');
  return { receivers: [receiver], trustAnchors };
}

function onlyCertificate(certificates: pkijs.Certificate[], what: string): pkijs.Certificate {
  const [first] = certificates;
  if (!first) throw new Error(`CMS: no certificate in the ${what} (PEM expected)`);
  return first;
}

/** Every certificate in a PEM text (a bundle may hold several). */
export function readPemCertificates(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => certificateFromDer(Buffer.from(block.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64')));
}

export function certificateFromDer(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(der));
}

export function certificateToPem(certificate: pkijs.Certificate): string {
  const base64 = Buffer.from(certificate.toSchema().toBER()).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
}

const BAG = { key: '1.2.840.113549.1.12.10.1.2', certificate: '1.2.840.113549.1.12.10.1.3' } as const;

/**
 * A PKCS#12 file (PBES2 with AES, as OpenSSL 3 and current Windows export it), checked against its MAC:
 * the private key and the certificate that belongs to it.
 */
export async function readPkcs12(data: Uint8Array, passphrase: string): Promise<CmsCredential> {
  const password = new TextEncoder().encode(passphrase).buffer as ArrayBuffer;
  const pfx = pkijs.PFX.fromBER(new Uint8Array(data));
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: true });
  } catch (error) {
    throw new Error(`CMS: the PKCS#12 file's integrity check failed (wrong passphrase?): ${errorText(error)}`);
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Error('CMS: the PKCS#12 file holds no authenticated safe');
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password })) });
  } catch (error) {
    throw new Error(
      `CMS: cannot open the PKCS#12 file (only PBES2/AES is read; re-export without -legacy): ${errorText(error)}`,
    );
  }
  const keys: KeyObject[] = [];
  const certificates: pkijs.Certificate[] = [];
  for (const contents of safe.parsedValue?.safeContents ?? []) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagId === BAG.key) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        await (
          shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }
        ).parseInternalValues({
          password,
        });
        if (shrouded.parsedValue) keys.push(privateKeyFromInfo(shrouded.parsedValue));
      } else if (bag.bagId === BAG.certificate) {
        const parsed = (bag.bagValue as pkijs.CertBag).parsedValue;
        if (parsed instanceof pkijs.Certificate) certificates.push(parsed);
      }
    }
  }
  const [privateKey] = keys;
  if (!privateKey) throw new Error('CMS: the PKCS#12 file holds no private key');
  const certificate = certificates.find((candidate) => certificateMatchesKey(candidate, privateKey));
  if (!certificate) throw new Error('CMS: the PKCS#12 file holds no certificate for its private key');
  return { privateKey, certificate };
}

function privateKeyFromInfo(info: pkijs.PrivateKeyInfo): KeyObject {
  return createPrivateKey({ key: Buffer.from(info.toSchema().toBER()), format: 'der', type: 'pkcs8' });
}

function certificateMatchesKey(certificate: pkijs.Certificate, privateKey: KeyObject): boolean {
  const fromCertificate = Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER());
  const fromKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return fromCertificate.equals(fromKey);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
