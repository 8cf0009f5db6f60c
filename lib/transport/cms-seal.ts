/**
 * The sender's side of NHN's packaging, for `npm run amqp:send -- --cms` and the tests: sign a document
 * as Helsenorge.Messaging does (CMS SignedData, SHA-256, signed attributes, signer by issuer and serial,
 * its certificate inside), then envelope it to the receiver's certificate (RSA PKCS#1 v1.5 key transport,
 * AES-256-CBC, like .NET's EnvelopedCms). Also makes certificates (a CA and the certificates it issues)
 * and PKCS#12 files, for the demo certificates and the tests. Not used by the app when it receives.
 */
import {
  constants,
  createCipheriv,
  createPrivateKey,
  createPublicKey,
  publicEncrypt,
  randomBytes,
  webcrypto,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, certificateFromDer, certificateToPem, type CmsCredential } from './cms';

const SIGNING = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** SignedData inside a ContentInfo (DER), the content encapsulated; `chain` adds intermediate certificates. */
export async function signCms(
  content: Uint8Array,
  signer: CmsCredential,
  options: { chain?: pkijs.Certificate[]; signingTime?: Date } = {},
): Promise<Uint8Array> {
  const digest = await webcrypto.subtle.digest('SHA-256', new Uint8Array(content));
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      eContent: new asn1js.OctetString({ valueHex: new Uint8Array(content) }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: signer.certificate.issuer,
          serialNumber: signer.certificate.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({
              type: '1.2.840.113549.1.9.3',
              values: [new asn1js.ObjectIdentifier({ value: OID.data })],
            }),
            new pkijs.Attribute({
              type: '1.2.840.113549.1.9.5',
              values: [new asn1js.UTCTime({ valueDate: options.signingTime ?? new Date() })],
            }),
            new pkijs.Attribute({
              type: '1.2.840.113549.1.9.4',
              values: [new asn1js.OctetString({ valueHex: digest })],
            }),
          ],
        }),
      }),
    ],
    certificates: [signer.certificate, ...(options.chain ?? [])],
  });
  const key = await webcrypto.subtle.importKey(
    'pkcs8',
    signer.privateKey.export({ format: 'der', type: 'pkcs8' }),
    SIGNING,
    false,
    ['sign'],
  );
  await signed.sign(key as CryptoKey, 0, 'SHA-256');
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER());
}

/** Content ciphers a sender may choose: .NET's default AES-256-CBC, or what older senders used. */
const SEAL_CIPHERS = {
  'aes-256-cbc': { oid: OID.aes256Cbc, keyLength: 32, ivLength: 16 },
  'aes-128-cbc': { oid: OID.aes128Cbc, keyLength: 16, ivLength: 16 },
  'des-ede3-cbc': { oid: OID.desEde3Cbc, keyLength: 24, ivLength: 8 },
} as const;

export type EnvelopeOptions = {
  /** RSA key transport: PKCS#1 v1.5 (.NET's EnvelopedCms default) or OAEP with SHA-1 (its defaults). */
  keyTransport?: 'pkcs1' | 'oaep';
  cipher?: keyof typeof SEAL_CIPHERS;
};

/** EnvelopedData inside a ContentInfo (DER): a fresh content key (AES-256 unless told), wrapped with RSA for `recipient`. */
export function envelopeCms(
  content: Uint8Array,
  recipient: pkijs.Certificate,
  options: EnvelopeOptions = {},
): Uint8Array {
  const algorithm = SEAL_CIPHERS[options.cipher ?? 'aes-256-cbc'];
  const oaep = options.keyTransport === 'oaep';
  const contentKey = randomBytes(algorithm.keyLength);
  const iv = randomBytes(algorithm.ivLength);
  const cipher = createCipheriv(options.cipher ?? 'aes-256-cbc', contentKey, iv);
  const encrypted = Buffer.concat([cipher.update(content), cipher.final()]);
  const publicKey = createPublicKey({
    key: Buffer.from(recipient.subjectPublicKeyInfo.toSchema().toBER()),
    format: 'der',
    type: 'spki',
  });
  const encryptedKey = publicEncrypt(
    {
      key: publicKey,
      padding: oaep ? constants.RSA_PKCS1_OAEP_PADDING : constants.RSA_PKCS1_PADDING,
      oaepHash: 'sha1',
    },
    contentKey,
  );
  const enveloped = new pkijs.EnvelopedData({
    version: 0,
    recipientInfos: [
      new pkijs.RecipientInfo({
        variant: 1,
        value: new pkijs.KeyTransRecipientInfo({
          version: 0,
          rid: new pkijs.IssuerAndSerialNumber({ issuer: recipient.issuer, serialNumber: recipient.serialNumber }),
          keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier(
            oaep
              ? { algorithmId: OID.rsaesOaep }
              : { algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() },
          ),
          encryptedKey: new asn1js.OctetString({ valueHex: new Uint8Array(encryptedKey) }),
        }),
      }),
    ],
    encryptedContentInfo: new pkijs.EncryptedContentInfo({
      contentType: OID.data,
      contentEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: algorithm.oid,
        algorithmParams: new asn1js.OctetString({ valueHex: new Uint8Array(iv) }),
      }),
      encryptedContent: new asn1js.OctetString({ valueHex: new Uint8Array(encrypted) }),
    }),
  });
  const info = new pkijs.ContentInfo({ contentType: OID.envelopedData, content: enveloped.toSchema() });
  return new Uint8Array(info.toSchema().toBER());
}

/** Sign, then envelope: the body NHN's library sends (`application/pkcs7-mime; smime-type=signed-and-enveloped-data`). */
export async function sealCms(
  content: Uint8Array,
  parties: { signer: CmsCredential; recipient: pkijs.Certificate; chain?: pkijs.Certificate[] },
): Promise<Uint8Array> {
  return envelopeCms(await signCms(content, parties.signer, { chain: parties.chain }), parties.recipient);
}

// ---- Certificates for the demo and the tests ----

/** A credential this module made: also the WebCrypto signing key, to issue certificates with (a CA's). */
export type IssuedCredential = CmsCredential & { signingKey: CryptoKey };

type Validity = { notBefore?: Date; notAfter?: Date };

const RSA_KEY = { ...SIGNING, publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;
const NAME_TYPES: Record<string, string> = { CN: '2.5.4.3', OU: '2.5.4.11', O: '2.5.4.10', L: '2.5.4.7', C: '2.5.4.6' };
const KEY_USAGE = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyCertSign: 5,
  cRLSign: 6,
};

/** "CN=…, O=…, C=NO" as a certificate name: one attribute per RDN, as CAs write them. */
function name(text: string): pkijs.RelativeDistinguishedNames {
  const rdns = text.split(/,\s*/).map((part) => {
    const [key = '', ...rest] = part.split('=');
    const type = NAME_TYPES[key.trim()];
    if (!type) throw new Error(`certificate name: unknown attribute ${key}`);
    const value = rest.join('=');
    const attribute = new pkijs.AttributeTypeAndValue({
      type,
      value: key === 'C' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
    });
    return new asn1js.Set({ value: [attribute.toSchema()] });
  });
  const der = new asn1js.Sequence({ value: rdns }).toBER();
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(der).result });
}

function keyUsage(bits: (keyof typeof KEY_USAGE)[]): asn1js.BitString {
  let value = 0;
  for (const bit of bits) value |= 0x80 >> KEY_USAGE[bit];
  let unused = 0;
  while (unused < 7 && !(value & (1 << unused))) unused++;
  return new asn1js.BitString({ valueHex: new Uint8Array([value]), unusedBits: unused });
}

function extension(
  extnID: string,
  critical: boolean,
  value: { toBER(sizeOnly?: boolean): ArrayBuffer },
): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

async function keyIdentifier(certificate: pkijs.Certificate): Promise<ArrayBuffer> {
  return webcrypto.subtle.digest('SHA-1', certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
}

async function makeCertificate(parameters: {
  subject: string;
  issuer: pkijs.RelativeDistinguishedNames | null;
  issuerKey: CryptoKey | null;
  issuerKeyId: ArrayBuffer | null;
  ca: boolean;
  usage: (keyof typeof KEY_USAGE)[];
  dates: Validity;
}): Promise<IssuedCredential> {
  const keys = (await webcrypto.subtle.generateKey(RSA_KEY, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = new pkijs.Certificate();
  const { notBefore, notAfter } = validity(parameters.dates);
  certificate.version = 2;
  certificate.serialNumber = new asn1js.Integer({ valueHex: new Uint8Array(serialNumber()) });
  certificate.subject = name(parameters.subject);
  certificate.issuer = parameters.issuer ?? name(parameters.subject);
  certificate.notBefore.value = notBefore;
  certificate.notAfter.value = notAfter;
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  const ownKeyId = await keyIdentifier(certificate);
  certificate.extensions = [
    extension('2.5.29.19', true, new pkijs.BasicConstraints({ cA: parameters.ca }).toSchema()),
    extension('2.5.29.15', true, keyUsage(parameters.usage)),
    extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: ownKeyId })),
    extension(
      '2.5.29.35',
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: parameters.issuerKeyId ?? ownKeyId }),
      }).toSchema(),
    ),
  ];
  await certificate.sign(parameters.issuerKey ?? keys.privateKey, 'SHA-256');
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    // Re-read from DER, as a receiver would see it.
    certificate: certificateFromDer(new Uint8Array(certificate.toSchema(true).toBER())),
    privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }),
    signingKey: keys.privateKey,
  };
}

function serialNumber(): Buffer {
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes;
}

function validity({ notBefore, notAfter }: Validity): { notBefore: Date; notAfter: Date } {
  const start = notBefore ?? new Date(Date.now() - 24 * 3600 * 1000);
  return { notBefore: start, notAfter: notAfter ?? new Date(start.getTime() + 3 * 365 * 24 * 3600 * 1000) };
}

/** A self-signed CA, e.g. "CN=KPR-status demo-CA, O=KPR-status demo, C=NO". */
export async function makeCertificateAuthority(subject: string, dates: Validity = {}): Promise<IssuedCredential> {
  return makeCertificate({
    subject,
    issuer: null,
    issuerKey: null,
    issuerKeyId: null,
    ca: true,
    usage: ['keyCertSign', 'cRLSign'],
    dates,
  });
}

/** A business certificate issued by `ca`: for signing (digitalSignature, nonRepudiation) or encryption (keyEncipherment). */
export async function issueCertificate(
  ca: IssuedCredential,
  subject: string,
  use: 'signing' | 'encryption',
  dates: Validity = {},
): Promise<IssuedCredential> {
  return makeCertificate({
    subject,
    issuer: ca.certificate.subject,
    issuerKey: ca.signingKey,
    issuerKeyId: await keyIdentifier(ca.certificate),
    ca: false,
    usage: use === 'signing' ? ['digitalSignature', 'nonRepudiation'] : ['keyEncipherment', 'dataEncipherment'],
    dates,
  });
}

export function privateKeyToPem(credential: CmsCredential): string {
  return credential.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export { certificateToPem };

/** A PKCS#12 file (PBES2: PBKDF2-SHA-256 and AES-256-CBC, MAC SHA-256) holding the key and its certificate. */
export async function makePkcs12(credential: CmsCredential, passphrase: string): Promise<Uint8Array> {
  const password = new TextEncoder().encode(passphrase).buffer as ArrayBuffer;
  const keyInfo = pkijs.PrivateKeyInfo.fromBER(
    new Uint8Array(credential.privateKey.export({ format: 'der', type: 'pkcs8' })),
  );
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: keyInfo });
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            {
              privacyMode: 0,
              value: new pkijs.SafeContents({
                safeBags: [
                  new pkijs.SafeBag({ bagId: '1.2.840.113549.1.12.10.1.2', bagValue: keyBag }),
                  new pkijs.SafeBag({
                    bagId: '1.2.840.113549.1.12.10.1.3',
                    bagValue: new pkijs.CertBag({ parsedValue: credential.certificate }),
                  }),
                ],
              }),
            },
          ],
        },
      }),
    },
  });
  await keyBag.makeInternalValues({
    password,
    contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 } as pkijs.ContentEncryptionAesCbcParams,
    hmacHashAlgorithm: 'SHA-256',
    iterationCount: 2048,
  });
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}] });
  await pfx.makeInternalValues({
    password,
    iterations: 2048,
    pbkdf2HashAlgorithm: 'SHA-256',
    hmacHashAlgorithm: 'SHA-256',
  });
  return new Uint8Array(pfx.toSchema().toBER());
}
