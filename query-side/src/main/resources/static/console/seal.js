// Sealed content in the browser, as the hub's Java codec (org.ewn.seal) writes and reads it: a JWE in JSON General
// Serialization whose content is encrypted once with AES-256-GCM (AAD: the protected header's base64url text) and whose
// content key is wrapped for each recipient with ECDH-ES+A256KW over X25519, with a fresh ephemeral key per recipient.
// WebCrypto does every step; the agency's X25519 key is imported from a PKCS#8 PEM file as a non-extractable CryptoKey.
(function (Ewn) {
    'use strict';

    const ALG = 'ECDH-ES+A256KW';
    const PROTECTED = {enc: 'A256GCM', cty: 'ewn-sealed'};
    const MAX_RECIPIENTS = 200;
    const X25519 = {name: 'X25519'};
    // One message whatever went wrong, as in Java: which step failed would help a forger.
    const CANNOT_OPEN = 'cannot-open';
    const encoder = new TextEncoder();
    const base64url = (bytes) => Ewn.jws.base64url(bytes);

    function malformed(field, problem) {
        return new Error('malformed-seal: ' + field + ' ' + problem);
    }

    /** Unpadded, canonical base64url of the given length (any if omitted); the error names the field, not the value. */
    function fromBase64url(text, field, length) {
        if (typeof text !== 'string') {
            throw malformed(field, 'is not a string');
        }
        if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
            throw malformed(field, 'is not base64url');
        }
        const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
        const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
        if (base64url(bytes) !== text) {
            throw malformed(field, 'is not canonical base64url');
        }
        if (length !== undefined && bytes.length !== length) {
            throw malformed(field, 'is not ' + length + ' bytes');
        }
        return bytes;
    }

    /** A JSON object with exactly these members. */
    function members(value, field, names) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw malformed(field, 'is not a JSON object');
        }
        for (const name of names) {
            if (!Object.prototype.hasOwnProperty.call(value, name)) {
                throw malformed(field === '' ? name : field + '.' + name, 'is missing');
            }
        }
        if (Object.keys(value).length !== names.length) {
            throw malformed(field || 'the top level', 'has members other than ' + names.join(', '));
        }
    }

    function exactly(value, field, expected) {
        if (value !== expected) {
            throw malformed(field, 'must be ' + expected);
        }
    }

    function json(text, field) {
        try {
            return JSON.parse(text);
        } catch (e) {
            throw malformed(field, 'is not JSON');   // the SyntaxError would quote the text
        }
    }

    /**
     * The strict reading the Java codec applies, down to the lengths; binary values decoded. JSON.parse keeps the last
     * of two members of one name where Java refuses them, so only the hub's reading is strict about that.
     */
    function parse(jwe) {
        const sealed = typeof jwe === 'string' ? json(jwe, 'the top level') : jwe;
        members(sealed, '', ['protected', 'recipients', 'iv', 'ciphertext', 'tag']);
        let text;
        try {
            text = new TextDecoder('utf-8', {fatal: true}).decode(fromBase64url(sealed.protected, 'protected'));
        } catch (e) {
            throw e.message.startsWith('malformed-seal') ? e : malformed('protected', 'is not JSON');
        }
        const header = json(text, 'protected');
        members(header, 'protected', ['enc', 'cty']);
        exactly(header.enc, 'protected.enc', PROTECTED.enc);
        exactly(header.cty, 'protected.cty', PROTECTED.cty);
        if (!Array.isArray(sealed.recipients)) {
            throw malformed('recipients', 'is not an array');
        }
        if (sealed.recipients.length < 1 || sealed.recipients.length > MAX_RECIPIENTS) {
            throw malformed('recipients', 'must name 1 to ' + MAX_RECIPIENTS + ' recipients, not '
                + sealed.recipients.length);
        }
        const kids = new Set();
        const recipients = sealed.recipients.map((recipient, i) => {
            const field = 'recipients[' + i + ']';
            members(recipient, field, ['header', 'encrypted_key']);
            members(recipient.header, field + '.header', ['alg', 'kid', 'epk']);
            exactly(recipient.header.alg, field + '.header.alg', ALG);
            const kid = recipient.header.kid;
            if (typeof kid !== 'string' || kid.length !== 43) {
                throw malformed(field + '.header.kid', 'is not a network key id');
            }
            fromBase64url(kid, field + '.header.kid', 32);
            if (kids.has(kid)) {
                throw malformed(field + '.header.kid', 'names a recipient named before');
            }
            kids.add(kid);
            const epk = recipient.header.epk;
            members(epk, field + '.header.epk', ['kty', 'crv', 'x']);
            exactly(epk.kty, field + '.header.epk.kty', 'OKP');
            exactly(epk.crv, field + '.header.epk.crv', 'X25519');
            const x = fromBase64url(epk.x, field + '.header.epk.x', 32);
            if (x[31] & 0x80) {
                throw malformed(field + '.header.epk.x', 'is not an X25519 public key');
            }
            const encryptedKey = fromBase64url(recipient.encrypted_key, field + '.encrypted_key', 40);
            return {kid: kid, epk: x, encryptedKey: encryptedKey};
        });
        return {protected: sealed.protected, recipients: recipients, iv: fromBase64url(sealed.iv, 'iv', 12),
            ciphertext: fromBase64url(sealed.ciphertext, 'ciphertext'), tag: fromBase64url(sealed.tag, 'tag', 16)};
    }

    /**
     * The key-encryption key: the Concat KDF of RFC 7518 section 4.6.2 over the X25519 secret Z, with AlgorithmID
     * "ECDH-ES+A256KW", empty PartyUInfo and PartyVInfo, and 256 bits, which SHA-256 yields in its one round.
     */
    async function keyEncryptionKey(privateKey, publicKey, usage) {
        const z = new Uint8Array(await crypto.subtle.deriveBits({name: 'X25519', public: publicKey}, privateKey, 256));
        const algorithm = encoder.encode(ALG);
        const input = new Uint8Array(4 + z.length + 4 + algorithm.length + 4 + 4 + 4);
        const view = new DataView(input.buffer);
        view.setUint32(0, 1);
        input.set(z, 4);
        view.setUint32(4 + z.length, algorithm.length);
        input.set(algorithm, 8 + z.length);
        view.setUint32(input.length - 4, 256);   // the two zero lengths of PartyUInfo and PartyVInfo lie before it
        const kek = await crypto.subtle.digest('SHA-256', input);
        z.fill(0);
        input.fill(0);
        return crypto.subtle.importKey('raw', kek, 'AES-KW', false, [usage]);
    }

    async function recipientKey(publicKey) {
        if (publicKey instanceof CryptoKey) {
            if (publicKey.type !== 'public' || publicKey.algorithm.name !== 'X25519') {
                throw new Error('not-x25519');
            }
            return publicKey;
        }
        const raw = publicKey instanceof ArrayBuffer ? new Uint8Array(publicKey) : publicKey;
        if (!(raw instanceof Uint8Array) || raw.length !== 32) {
            throw new Error('not-x25519');
        }
        return crypto.subtle.importKey('raw', raw, X25519, true, []);
    }

    async function wrapFor(recipient, contentKey) {
        const ephemeral = await crypto.subtle.generateKey(X25519, false, ['deriveBits']);
        const kek = await keyEncryptionKey(ephemeral.privateKey, await recipientKey(recipient.publicKey), 'wrapKey');
        return {header: {alg: ALG, kid: recipient.kid, epk: {kty: 'OKP', crv: 'X25519',
                x: base64url(await crypto.subtle.exportKey('raw', ephemeral.publicKey))}},
            encrypted_key: base64url(await crypto.subtle.wrapKey('raw', contentKey, kek, 'AES-KW'))};
    }

    /** Seals the bytes for the recipients, [{kid, publicKey}] with a CryptoKey or the key's raw 32 bytes. */
    async function seal(plaintext, recipients) {
        if (!Array.isArray(recipients) || recipients.length < 1 || recipients.length > MAX_RECIPIENTS) {
            throw new Error('seal-recipients');
        }
        const kids = new Set(recipients.map((recipient) => recipient.kid));
        const wellNamed = recipients.every((r) => typeof r.kid === 'string' && r.kid.length === 43);
        if (kids.size !== recipients.length || !wellNamed) {
            throw new Error('seal-recipients');
        }
        const protectedHeader = base64url(encoder.encode(JSON.stringify(PROTECTED)));
        // extractable only so that wrapKey may export it, wrapped
        const contentKey = await crypto.subtle.generateKey({name: 'AES-GCM', length: 256}, true, ['encrypt']);
        const entries = [];
        for (const recipient of recipients) {
            entries.push(await wrapFor(recipient, contentKey));
        }
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const sealed = new Uint8Array(await crypto.subtle.encrypt({name: 'AES-GCM', iv: iv,
            additionalData: encoder.encode(protectedHeader), tagLength: 128}, contentKey, plaintext));
        return {protected: protectedHeader, recipients: entries, iv: base64url(iv),
            ciphertext: base64url(sealed.subarray(0, sealed.length - 16)),
            tag: base64url(sealed.subarray(sealed.length - 16))};
    }

    /** The plaintext for the recipient of this key id; 'cannot-open' for a stranger's key or altered content. */
    async function open(jwe, kid, privateKey) {
        const sealed = parse(jwe);
        try {
            const entry = sealed.recipients.find((recipient) => recipient.kid === kid);
            if (!entry) {
                throw new Error(CANNOT_OPEN);
            }
            const epk = await crypto.subtle.importKey('raw', entry.epk, X25519, false, []);
            const kek = await keyEncryptionKey(privateKey, epk, 'unwrapKey');
            const contentKey = await crypto.subtle.unwrapKey('raw', entry.encryptedKey, kek, 'AES-KW',
                {name: 'AES-GCM'}, false, ['decrypt']);
            const input = new Uint8Array(sealed.ciphertext.length + 16);
            input.set(sealed.ciphertext);
            input.set(sealed.tag, sealed.ciphertext.length);
            return new Uint8Array(await crypto.subtle.decrypt({name: 'AES-GCM', iv: sealed.iv,
                additionalData: encoder.encode(sealed.protected), tagLength: 128}, contentKey, input));
        } catch (e) {
            throw new Error(CANNOT_OPEN);
        }
    }

    // ---- keys ---------------------------------------------------------------------------------------------------

    // PKCS#8 v1 of an X25519 key: SEQUENCE { 0, SEQUENCE { 1.3.101.110 }, OCTET STRING { OCTET STRING key } }
    const X25519_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e,
        0x04, 0x22, 0x04, 0x20]);

    const X25519_OID = [0x2b, 0x65, 0x6e].join('.');   // 1.3.101.110

    /** One DER element at offset: {start (of contents), end}. */
    function element(der, offset) {
        let length = der[offset + 1];
        let start = offset + 2;
        if (length & 0x80) {
            const count = length & 0x7f;
            length = 0;
            for (let i = 0; i < count; i++) {
                length = length * 256 + der[start + i];
            }
            start += count;
        }
        if (!(start + length <= der.length)) {
            throw new Error('not-pkcs8');
        }
        return {tag: der[offset], start: start, end: start + length};
    }

    /**
     * The 32 bytes of an X25519 PKCS#8 key, re-wrapped as version 1: Bouncy Castle writes version 2 with the public
     * key attached (RFC 8410), which Chromium refuses.
     */
    function x25519Pkcs8(pem) {
        const body = pem.replace(/-----BEGIN PRIVATE KEY-----|-----END PRIVATE KEY-----|\s/g, '');
        if (!/-----BEGIN PRIVATE KEY-----/.test(pem) || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
            throw new Error('not-pkcs8');
        }
        const der = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
        const outer = element(der, 0);
        const version = element(der, outer.start);
        const algorithm = element(der, version.end);
        const oid = element(der, algorithm.start);
        const isX25519 = oid.tag === 0x06 && der.subarray(oid.start, oid.end).join('.') === X25519_OID;
        if (!isX25519 || oid.end !== algorithm.end) {
            throw new Error('unsupported-key');
        }
        const octets = element(der, algorithm.end);
        const key = element(der, octets.start);
        if (octets.tag !== 0x04 || key.tag !== 0x04 || key.end - key.start !== 32) {
            throw new Error('not-pkcs8');
        }
        const v1 = new Uint8Array(48);
        v1.set(X25519_PREFIX);
        v1.set(der.subarray(key.start, key.end), 16);
        return v1;
    }

    /**
     * Imports the agency's X25519 key from a PKCS#8 PEM file: {kid, privateKey}, the private key non-extractable. The
     * kid, SHA-256 over the public key's SubjectPublicKeyInfo, is reached through the JWK form, as in jws.js.
     */
    async function importPrivateKeyPem(pem) {
        const der = x25519Pkcs8(pem);
        try {
            const once = await crypto.subtle.importKey('pkcs8', der, X25519, true, ['deriveBits']);
            const jwk = await crypto.subtle.exportKey('jwk', once);
            const publicJwk = {kty: jwk.kty, crv: jwk.crv, x: jwk.x};
            const publicKey = await crypto.subtle.importKey('jwk', publicJwk, X25519, true, []);
            const spki = await crypto.subtle.exportKey('spki', publicKey);
            const kid = base64url(await crypto.subtle.digest('SHA-256', spki));
            const privateKey = await crypto.subtle.importKey('pkcs8', der, X25519, false, ['deriveBits']);
            return {kid: kid, privateKey: privateKey};
        } finally {
            der.fill(0);
        }
    }

    /** A recipient from its key's SubjectPublicKeyInfo (as in its certificate): {kid, publicKey}. */
    async function importPublicKeySpki(spki) {
        const publicKey = await crypto.subtle.importKey('spki', spki, X25519, true, []);
        return {kid: base64url(await crypto.subtle.digest('SHA-256', spki)), publicKey: publicKey};
    }

    Ewn.seal = {seal: seal, open: open, parse: parse, importPrivateKeyPem: importPrivateKeyPem,
        importPublicKeySpki: importPublicKeySpki};
})(window.Ewn = window.Ewn || {});
