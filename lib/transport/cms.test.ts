/**
 * NHN's packaging end to end with certificates made here (a CA, a sender, a receiver): seal as the
 * sender does, open as we do; and every way a body must be refused, with its kind and spoofing flag.
 */
import { createPrivateKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { unwrapBody } from './body';
import { loadCmsKeys, openCms, type CmsKeys } from './cms';
import {
  certificateToPem,
  envelopeCms,
  issueCertificate,
  makeCertificateAuthority,
  makePkcs12,
  privateKeyToPem,
  sealCms,
  signCms,
  type IssuedCredential,
} from './cms-seal';
import { CMS_REFUSAL_LABELS } from './labels';

const DOCUMENT = '<?xml version="1.0" encoding="UTF-8"?><MsgHead><Antall>100</Antall></MsgHead>';
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const DAY = 24 * 3600 * 1000;

let ca: IssuedCredential;
let sender: IssuedCredential;
let receiver: IssuedCredential;
let keys: CmsKeys;

beforeAll(async () => {
  ca = await makeCertificateAuthority('CN=Test-CA, O=Testsertifikater, C=NO', {
    notBefore: new Date(Date.now() - 1000 * DAY),
  });
  sender = await issueCertificate(ca, 'CN=Testkommune EPJ, O=Testkommune, C=NO', 'signing');
  receiver = await issueCertificate(ca, 'CN=FHI KPR, O=Folkehelseinstituttet, C=NO', 'encryption');
  keys = { receivers: [receiver], trustAnchors: [ca.certificate] };
});

describe('openCms', () => {
  it('decrypts and verifies what the sender sealed, and names the signer', async () => {
    const body = await sealCms(bytes(DOCUMENT), { signer: sender, recipient: receiver.certificate });
    const opened = await openCms(body, keys);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(text(opened.content)).toBe(DOCUMENT);
    expect(opened.signer.subject).toBe('CN=Testkommune EPJ, O=Testkommune, C=NO');
    expect(opened.signer.issuer).toBe('CN=Test-CA, O=Testsertifikater, C=NO');
    expect(opened.signer.serialNumber).toBe(
      Buffer.from(sender.certificate.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
    );
  });

  it.each([
    ['OAEP key transport', { keyTransport: 'oaep' }],
    ['AES-128', { cipher: 'aes-128-cbc' }],
    ['Triple-DES (older .NET senders)', { cipher: 'des-ede3-cbc' }],
  ] as const)('opens an envelope made with %s too', async (_name, options) => {
    const body = envelopeCms(await signCms(bytes(DOCUMENT), sender), receiver.certificate, options);
    const opened = await openCms(body, keys);
    expect(opened.ok && text(opened.content)).toBe(DOCUMENT);
  });

  it('refuses a changed content as a spoofing suspicion (the signature no longer matches)', async () => {
    const signed = Buffer.from(await signCms(bytes(DOCUMENT), sender));
    const at = signed.indexOf('<Antall>100');
    expect(at).toBeGreaterThan(0);
    signed.write('<Antall>900', at);
    const refused = await openCms(envelopeCms(signed, receiver.certificate), keys);
    expect(refused).toMatchObject({ ok: false, kind: 'signature-invalid', spoofing: true });
    if (!refused.ok) expect(refused.reason).toBe(CMS_REFUSAL_LABELS['signature-invalid']);
  });

  it('refuses a damaged signature value as a spoofing suspicion', async () => {
    const signed = Buffer.from(await signCms(bytes(DOCUMENT), sender));
    signed[signed.length - 1]! ^= 0xff; // the signature value is the last field of the SignedData
    const refused = await openCms(envelopeCms(signed, receiver.certificate), keys);
    expect(refused).toMatchObject({ ok: false, kind: 'signature-invalid', spoofing: true });
  });

  it('refuses a body encrypted to another receiver', async () => {
    const other = await issueCertificate(ca, 'CN=Annen mottaker, O=Annen, C=NO', 'encryption');
    const body = await sealCms(bytes(DOCUMENT), { signer: sender, recipient: other.certificate });
    expect(await openCms(body, keys)).toMatchObject({ ok: false, kind: 'not-for-us', spoofing: false });
  });

  it('refuses a signer whose certificate does not chain to a trust anchor, as a spoofing suspicion', async () => {
    const strangerCa = await makeCertificateAuthority('CN=Test-CA, O=Testsertifikater, C=NO');
    const stranger = await issueCertificate(strangerCa, 'CN=Testkommune EPJ, O=Testkommune, C=NO', 'signing');
    const body = await sealCms(bytes(DOCUMENT), { signer: stranger, recipient: receiver.certificate });
    expect(await openCms(body, keys)).toMatchObject({ ok: false, kind: 'signer-untrusted', spoofing: true });
    // Even with its own CA in the message, it is no trust anchor of ours.
    const withChain = await sealCms(bytes(DOCUMENT), {
      signer: stranger,
      recipient: receiver.certificate,
      chain: [strangerCa.certificate],
    });
    expect(await openCms(withChain, keys)).toMatchObject({ ok: false, kind: 'signer-untrusted', spoofing: true });
  });

  it('refuses a sender certificate that has expired (or is not valid yet), not as spoofing', async () => {
    const expired = await issueCertificate(ca, 'CN=Gammel kommune, O=Testkommune, C=NO', 'signing', {
      notBefore: new Date(Date.now() - 400 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    const body = await sealCms(bytes(DOCUMENT), { signer: expired, recipient: receiver.certificate });
    const refused = await openCms(body, keys);
    expect(refused).toMatchObject({ ok: false, kind: 'certificate-expired', spoofing: false });
    if (!refused.ok) expect(refused.reason).toBe('Avsenderens sertifikat er utløpt eller ennå ikke gyldig');
    // The same body was fine while the certificate was valid.
    expect((await openCms(body, keys, { now: new Date(Date.now() - 10 * DAY) })).ok).toBe(true);
  });

  it('refuses a signature made with a certificate not meant for signing (an encryption certificate), not as spoofing', async () => {
    const encryptionOnly = await issueCertificate(ca, 'CN=Testkommune kryptering, O=Testkommune, C=NO', 'encryption');
    const body = await sealCms(bytes(DOCUMENT), { signer: encryptionOnly, recipient: receiver.certificate });
    expect(await openCms(body, keys)).toMatchObject({ ok: false, kind: 'certificate-unusable', spoofing: false });
  });

  it('refuses an encrypted body that is not signed, as a spoofing suspicion (anyone can encrypt to us)', async () => {
    const body = envelopeCms(bytes(DOCUMENT), receiver.certificate);
    expect(await openCms(body, keys)).toMatchObject({ ok: false, kind: 'unsigned', spoofing: true });
  });

  it('refuses bytes that are no CMS at all', async () => {
    expect(await openCms(bytes('not CMS'), keys)).toMatchObject({ ok: false, kind: 'malformed', spoofing: false });
    const signedOnly = await signCms(bytes(DOCUMENT), sender);
    expect(await openCms(signedOnly, keys)).toMatchObject({ ok: false, kind: 'malformed' });
  });

  it('leaves an identity number in a certificate name out of the signer it reports', async () => {
    const personal = await issueCertificate(ca, 'CN=Ola Nordmann 01017012345, O=Testkommune, C=NO', 'signing');
    const body = await sealCms(bytes(DOCUMENT), { signer: personal, recipient: receiver.certificate });
    const opened = await openCms(body, keys);
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.signer.subject).not.toMatch(/\d{11}/);
      expect(opened.signer.subject).toContain('CN=Ola Nordmann');
    }
  });
});

describe('loadCmsKeys', () => {
  it('reads our key and certificate from a PKCS#12 file with its passphrase', async () => {
    const pkcs12 = await makePkcs12(receiver, 'riktig passord');
    const loaded = await loadCmsKeys({
      receiver: { pkcs12, passphrase: 'riktig passord' },
      trustAnchorsPem: certificateToPem(ca.certificate),
    });
    const body = await sealCms(bytes(DOCUMENT), { signer: sender, recipient: receiver.certificate });
    const opened = await openCms(body, loaded);
    expect(opened.ok && text(opened.content)).toBe(DOCUMENT);
    await expect(
      loadCmsKeys({ receiver: { pkcs12, passphrase: 'feil' }, trustAnchorsPem: certificateToPem(ca.certificate) }),
    ).rejects.toThrow(/passphrase/);
  });

  it('reads our key and certificate from PEM, the key plain or encrypted, and several trust anchors', async () => {
    const otherCa = await makeCertificateAuthority('CN=Annen CA, O=Annen, C=NO');
    const trustAnchorsPem = certificateToPem(otherCa.certificate) + certificateToPem(ca.certificate);
    const body = await sealCms(bytes(DOCUMENT), { signer: sender, recipient: receiver.certificate });

    const plain = await loadCmsKeys({
      receiver: { keyPem: privateKeyToPem(receiver), certificatePem: certificateToPem(receiver.certificate) },
      trustAnchorsPem,
    });
    expect(plain.trustAnchors).toHaveLength(2);
    expect((await openCms(body, plain)).ok).toBe(true);

    const encryptedKeyPem = createPrivateKey(privateKeyToPem(receiver))
      .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'nøkkelpassord' })
      .toString();
    const encrypted = await loadCmsKeys({
      receiver: {
        keyPem: encryptedKeyPem,
        certificatePem: certificateToPem(receiver.certificate),
        passphrase: 'nøkkelpassord',
      },
      trustAnchorsPem,
    });
    expect((await openCms(body, encrypted)).ok).toBe(true);
  });
});

describe('unwrapBody', () => {
  it('takes plain XML as it is', async () => {
    for (const contentType of ['application/xml', 'text/plain', null]) {
      const result = await unwrapBody({ body: bytes(DOCUMENT), contentType }, null);
      expect(result).toMatchObject({ ok: true, packaging: 'plain', signer: null });
      expect(result.ok && text(result.xml)).toBe(DOCUMENT);
    }
  });

  it('opens a CMS body by its content type, and refuses it with a reason when CMS is not configured', async () => {
    const body = await sealCms(bytes(DOCUMENT), { signer: sender, recipient: receiver.certificate });
    const contentType = 'application/pkcs7-mime; smime-type=signed-and-enveloped-data';
    const result = await unwrapBody({ body, contentType }, keys);
    expect(result).toMatchObject({
      ok: true,
      packaging: 'cms',
      signer: { subject: 'CN=Testkommune EPJ, O=Testkommune, C=NO' },
    });
    expect(result.ok && text(result.xml)).toBe(DOCUMENT);
    expect(await unwrapBody({ body, contentType }, null)).toMatchObject({
      ok: false,
      kind: 'cms-off',
      spoofing: false,
      reason: CMS_REFUSAL_LABELS['cms-off'],
    });
    // No content type: a DER body is taken for CMS.
    expect(await unwrapBody({ body, contentType: undefined }, keys)).toMatchObject({ ok: true, packaging: 'cms' });
  });

  it('refuses an empty body and one that is neither XML nor CMS', async () => {
    expect(await unwrapBody({ body: new Uint8Array(), contentType: 'application/xml' }, keys)).toMatchObject({
      ok: false,
      kind: 'empty',
    });
    expect(await unwrapBody({ body: bytes('{"json": true}'), contentType: 'application/json' }, keys)).toMatchObject({
      ok: false,
      kind: 'unsupported-content-type',
    });
  });
});
