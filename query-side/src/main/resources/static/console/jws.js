// Signed submissions made in the browser, as README "Signed submissions" prescribes: a JWS in compact serialization
// over the RFC 8785 canonical JSON of {type, network, submissionId, agency, issuedAt, body}, signed with the agency's
// key (Ed25519 -> EdDSA, or ECDSA P-256 -> ES256 with the raw R||S signature WebCrypto produces).
// The key is imported from a PKCS#8 PEM file once per browser and kept as a non-extractable CryptoKey in IndexedDB.
(function (Ewn) {
    'use strict';

    const TYPE = 'ewn-submission+jws';
    const encoder = new TextEncoder();

    /** RFC 8785: keys sorted by UTF-16 code units (what sort() does), strings and numbers as ECMAScript prints them. */
    function canonicalize(value) {
        if (value === null || typeof value === 'boolean' || typeof value === 'string') {
            return JSON.stringify(value);
        }
        if (typeof value === 'number') {
            if (!Number.isFinite(value)) {
                throw new Error('RFC 8785 has no form for ' + value);
            }
            return JSON.stringify(value);
        }
        if (Array.isArray(value)) {
            return '[' + value.map(canonicalize).join(',') + ']';
        }
        if (typeof value === 'object') {
            return '{' + Object.keys(value).filter((key) => value[key] !== undefined).sort()
                .map((key) => JSON.stringify(key) + ':' + canonicalize(value[key])).join(',') + '}';
        }
        throw new Error('RFC 8785 has no form for a ' + typeof value);
    }

    function base64url(bytes) {
        const array = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        let binary = '';
        for (let i = 0; i < array.length; i++) {
            binary += String.fromCharCode(array[i]);
        }
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function fromBase64(text) {
        const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) {
            bytes[i] = binary.charCodeAt(i);
        }
        return bytes;
    }

    // ---- PKCS#8 -------------------------------------------------------------------------------------------------

    const ED25519_OID = '06032b6570';
    const EC_OID = '06072a8648ce3d0201';
    const P256_OID = '06082a8648ce3d030107';
    // PKCS#8 v1 of an Ed25519 seed: SEQUENCE { 0, SEQUENCE { 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }
    const ED25519_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
        0x04, 0x22, 0x04, 0x20]);

    function hex(bytes) {
        return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    }

    /** Reads one DER element at offset: {tag, start (of contents), end}. */
    function element(der, offset) {
        const tag = der[offset];
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
        if (start + length > der.length) {
            throw new Error('truncated');
        }
        return {tag: tag, start: start, end: start + length};
    }

    /**
     * The key's algorithm, and DER that WebCrypto imports. An Ed25519 key may come as a OneAsymmetricKey v2 with its
     * public key attached (as Bouncy Castle writes it), which Chromium refuses; its seed is re-wrapped as v1.
     */
    function pkcs8(pem) {
        const body = pem.replace(/-----BEGIN PRIVATE KEY-----|-----END PRIVATE KEY-----|\s/g, '');
        if (!/^[A-Za-z0-9+/=]+$/.test(body) || !/-----BEGIN PRIVATE KEY-----/.test(pem)) {
            throw new Error('not-pkcs8');
        }
        const der = fromBase64(body);
        const outer = element(der, 0);
        const version = element(der, outer.start);
        const algorithm = element(der, version.end);
        const oid = element(der, algorithm.start);
        const oidHex = hex(der.subarray(algorithm.start, oid.end));
        if (oidHex === ED25519_OID) {
            const privateKey = element(der, algorithm.end);
            const seed = element(der, privateKey.start);
            if (seed.end - seed.start !== 32) {
                throw new Error('not-pkcs8');
            }
            const v1 = new Uint8Array(48);
            v1.set(ED25519_PREFIX);
            v1.set(der.subarray(seed.start, seed.end), 16);
            return {alg: 'EdDSA', der: v1, importAs: {name: 'Ed25519'}, signAs: {name: 'Ed25519'}};
        }
        if (oidHex === EC_OID) {
            const curve = element(der, oid.end);
            if (hex(der.subarray(oid.end, curve.end)) !== P256_OID) {
                throw new Error('unsupported-key');
            }
            return {alg: 'ES256', der: der, importAs: {name: 'ECDSA', namedCurve: 'P-256'},
                signAs: {name: 'ECDSA', hash: 'SHA-256'}};
        }
        throw new Error('unsupported-key');
    }

    /**
     * Imports a PKCS#8 PEM signing key: {alg, kid, privateKey} with a non-extractable private key. The kid is the
     * base64url SHA-256 of the public key's SubjectPublicKeyInfo, reached through the JWK form: WebCrypto exports
     * no SPKI from a private key.
     */
    async function importPem(pem) {
        const parsed = pkcs8(pem);
        const subtle = crypto.subtle;
        const once = await subtle.importKey('pkcs8', parsed.der, parsed.importAs, true, ['sign']);
        const jwk = await subtle.exportKey('jwk', once);
        const publicJwk = parsed.alg === 'EdDSA' ? {kty: jwk.kty, crv: jwk.crv, x: jwk.x}
            : {kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y};
        const publicKey = await subtle.importKey('jwk', publicJwk, parsed.importAs, true, ['verify']);
        const spki = await subtle.exportKey('spki', publicKey);
        const kid = base64url(await subtle.digest('SHA-256', spki));
        const privateKey = await subtle.importKey('pkcs8', parsed.der, parsed.importAs, false, ['sign']);
        return {alg: parsed.alg, kid: kid, privateKey: privateKey, signAs: parsed.signAs};
    }

    /** The compact JWS of a submission; the payload's six members as README prescribes. */
    async function sign(key, payload) {
        const header = canonicalize({alg: key.alg, kid: key.kid, typ: TYPE});
        const input = base64url(encoder.encode(header)) + '.' + base64url(encoder.encode(canonicalize(payload)));
        const signature = await crypto.subtle.sign(key.signAs || signingAlgorithm(key.alg), key.privateKey,
            encoder.encode(input));
        return input + '.' + base64url(signature);
    }

    function signingAlgorithm(alg) {
        return alg === 'EdDSA' ? {name: 'Ed25519'} : {name: 'ECDSA', hash: 'SHA-256'};
    }

    /** UTC to the second, as the hub expects: 2026-11-26T09:30:00Z. */
    function issuedAt(date) {
        return (date || new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }

    function payload(type, network, agency, body) {
        return {type: type, network: network, submissionId: crypto.randomUUID(), agency: agency,
            issuedAt: issuedAt(), body: body};
    }

    // ---- the browser's key store: IndexedDB keeps CryptoKeys as they are, non-extractable ones included ----------

    const DB = 'ewn-console';
    const SIGNING = 'signing-keys';
    const ENCRYPTION = 'encryption-keys';   // the agency's X25519 key, which opens what is sealed to it

    function database() {
        return new Promise((resolve, reject) => {
            const request = indexedDB.open(DB, 2);
            request.onupgradeneeded = () => [SIGNING, ENCRYPTION].filter((name) =>
                !request.result.objectStoreNames.contains(name))
                .forEach((name) => request.result.createObjectStore(name, {keyPath: 'member'}));
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        });
    }

    async function transaction(name, mode, work) {
        const db = await database();
        try {
            return await new Promise((resolve, reject) => {
                const tx = db.transaction(name, mode);
                const request = work(tx.objectStore(name));
                tx.oncomplete = () => resolve(request.result);
                tx.onerror = () => reject(tx.error);
            });
        } finally {
            db.close();
        }
    }

    /** One record per member: {member, agency, alg, kid, privateKey, loadedAt}, or undefined. */
    function store(name) {
        return {
            get: (member) => transaction(name, 'readonly', (s) => s.get(member)),
            put: (record) => transaction(name, 'readwrite', (s) => s.put({member: record.member, agency: record.agency,
                alg: record.alg, kid: record.kid, privateKey: record.privateKey, loadedAt: record.loadedAt})),
            remove: (member) => transaction(name, 'readwrite', (s) => s.delete(member))
        };
    }

    const keyStore = store(SIGNING);
    const encryptionKeyStore = store(ENCRYPTION);

    Ewn.jws = {canonicalize: canonicalize, base64url: base64url, importPem: importPem, sign: sign,
        payload: payload, issuedAt: issuedAt, keyStore: keyStore,
        encryptionKeyStore: encryptionKeyStore};
})(window.Ewn = window.Ewn || {});
