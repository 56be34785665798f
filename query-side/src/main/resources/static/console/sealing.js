// Sealed text as an officer meets it: this browser's encryption key (loaded once from the agency's PEM file, kept
// non-extractable in IndexedDB) opens what is sealed to it, and a text being raised is sealed to the ACTIVE
// encryption keys the directory lists for the addressees' agencies and for our own member's.
(function (Ewn) {
    'use strict';

    const t = Ewn.t;
    const problem = (title, detail) => new Ewn.api.Problem(0, {title: title, detail: detail || ''});

    const current = () => Ewn.jws.encryptionKeyStore.get(Ewn.api.state.session.member);

    /** Imports a PEM X25519 key: the network must know it as the encryption key of one of our member's agencies. */
    async function loadKey(pem) {
        let imported;
        try {
            imported = await Ewn.seal.importPrivateKeyPem(pem);
        } catch (e) {
            throw problem(t('encryptionKeyUnreadable'), t('encryptionKeyUnreadableDetail'));
        }
        const member = (await Ewn.api.get('api/v1/members')).find((m) => m.code === Ewn.api.state.session.member);
        let agency = null;
        for (const code of (member ? member.agencies : [])) {
            const found = await Ewn.api.get('api/v1/agencies/' + encodeURIComponent(code));
            if ((found.keys || []).some((k) => k.keyId === imported.kid && k.purpose === 'ENCRYPTION')) {
                agency = code;
                break;
            }
        }
        if (!agency) {
            throw problem(t('keyUnknown'), t('encryptionKeyUnknownDetail', {kid: imported.kid}));
        }
        const record = {member: Ewn.api.state.session.member, agency: agency, alg: 'X25519', kid: imported.kid,
            privateKey: imported.privateKey, loadedAt: new Date().toISOString()};
        await Ewn.jws.encryptionKeyStore.put(record);
        return record;
    }

    /** The sealed text in clear, for the key in this browser; a Problem saying why not otherwise. */
    async function open(sealedText) {
        const key = await current();
        if (!key) {
            const e = problem(t('encryptionKeyMissing'), t('encryptionKeyMissingDetail'));
            e.needsKey = true;
            throw e;
        }
        const kids = (sealedText.recipients || []).map((r) => r.header && r.header.kid);
        if (!kids.includes(key.kid)) {
            throw problem(t('sealedNotForUs'), t('sealedNotForUsDetail', {agency: key.agency, kid: key.kid}));
        }
        try {
            return new TextDecoder('utf-8', {fatal: true}).decode(await Ewn.seal.open(sealedText, key.kid,
                key.privateKey));
        } catch (e) {
            throw problem(t('sealedDoesNotOpen'), t('sealedDoesNotOpenDetail'));
        }
    }

    // ---- recipients ---------------------------------------------------------------------------------------------

    /** One DER element at offset: {start (of its header), contents, end}. */
    function element(der, offset) {
        let length = der[offset + 1];
        let contents = offset + 2;
        if (length & 0x80) {
            const count = length & 0x7f;
            length = 0;
            for (let i = 0; i < count; i++) {
                length = length * 256 + der[contents + i];
            }
            contents += count;
        }
        if (!(contents + length <= der.length)) {
            throw new Error('not-a-certificate');
        }
        return {tag: der[offset], start: offset, contents: contents, end: contents + length};
    }

    /** A certificate's SubjectPublicKeyInfo: the seventh field of tbsCertificate, the sixth if it has no version. */
    function subjectPublicKeyInfo(der) {
        const tbs = element(der, element(der, 0).contents);
        let field = element(der, tbs.contents);
        const skip = field.tag === 0xa0 ? 6 : 5;
        for (let i = 0; i < skip; i++) {
            field = element(der, field.end);
        }
        return der.slice(field.start, field.end);
    }

    async function agencyKeys(code) {
        const agency = await Ewn.api.get('api/v1/agencies/' + encodeURIComponent(code));
        const keys = (agency.keys || []).filter((k) => k.purpose === 'ENCRYPTION' && k.status === 'ACTIVE');
        return Promise.all(keys.map(async (k) => {
            const der = Uint8Array.from(atob(k.certificate), (c) => c.charCodeAt(0));
            const recipient = await Ewn.seal.importPublicKeySpki(subjectPublicKeyInfo(der));
            if (recipient.kid !== k.keyId) {
                throw problem(t('sealFailed'), t('sealKeyMismatch', {agency: code}));
            }
            return recipient;
        }));
    }

    /**
     * The recipients for the members addressed, [{code, agencies}], and our own member: every ACTIVE encryption key
     * of their agencies. An addressee without one is refused here, as the hub would refuse it.
     */
    async function recipients(addressees, own) {
        const found = new Map();
        const without = [];
        for (const member of addressees.concat(own ? [own] : [])) {
            const keys = (await Promise.all((member.agencies || []).map(agencyKeys))).flat();
            if (!keys.length && member !== own) {
                without.push(member.code);
            }
            keys.forEach((key) => found.set(key.kid, key));
        }
        if (without.length) {
            throw problem(t('sealNoKey'), t('sealNoKeyDetail', {members: without.join(', ')}));
        }
        return Array.from(found.values());
    }

    /** The text sealed to the recipients, as the JWE object alert.raise takes in place of the text. */
    async function seal(text, to) {
        return Ewn.seal.seal(new TextEncoder().encode(text), to);
    }

    Ewn.sealing = {current: current, loadKey: loadKey, open: open, recipients: recipients, seal: seal,
        subjectPublicKeyInfo: subjectPublicKeyInfo};
})(window.Ewn = window.Ewn || {});
