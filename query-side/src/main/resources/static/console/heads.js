// The hub's transparency log as this browser has seen it (README "Audit"): a tree head's JWS verified with the key
// of the hub's certificate, then judged against the largest head kept for the network. The same size must have the
// same root, a larger one must come with a consistency proof that verifies, and a smaller one means the log shrank.
// A head that fails is never kept; the alarm it raises is kept until the officer notes it.
(function (Ewn) {
    'use strict';

    const TYPE = 'ewn-tree-head+jws';
    const KEYS = {EdDSA: {name: 'Ed25519'}, ES256: {name: 'ECDSA', namedCurve: 'P-256'}};
    const SIGNATURES = {EdDSA: {name: 'Ed25519'}, ES256: {name: 'ECDSA', hash: 'SHA-256'}};
    const encoder = new TextEncoder();

    /** A head that does not hold: reason is signature, content, fork, shrank or inconsistent. */
    class Refused extends Error {
        constructor(reason, offered) {
            super(reason);
            this.reason = reason;
            this.offered = {treeSize: offered.treeSize, rootHash: offered.rootHash};
        }
    }

    // ---- the hub's key: the first certificate of GET /api/v1/trust/hub-certificate -----------------------------

    let hub = null;     // a promise of {kid, spki}

    function hubCertificate() {
        if (!hub) {
            hub = (async () => {
                const response = await fetch('api/v1/trust/hub-certificate', {cache: 'no-store',
                    credentials: 'same-origin', headers: {'Accept': 'application/x-pem-file'}});
                const pem = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/
                    .exec(response.ok ? await response.text() : '');
                if (!pem) {
                    throw new Error('hub certificate: HTTP ' + response.status);
                }
                const der = Uint8Array.from(atob(pem[1].replace(/\s/g, '')), (c) => c.charCodeAt(0));
                const spki = Ewn.sealing.subjectPublicKeyInfo(der);
                return {spki: spki, kid: Ewn.jws.base64url(await crypto.subtle.digest('SHA-256', spki))};
            })();
            hub.catch(() => { hub = null; });
        }
        return hub;
    }

    // ---- one head ----------------------------------------------------------------------------------------------

    function decode(part) {
        if (!/^[A-Za-z0-9_-]*$/.test(part)) {
            throw new Error('not base64url');
        }
        return Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    }

    const utf8 = (bytes) => new TextDecoder('utf-8', {fatal: true}).decode(bytes);

    /**
     * The head the hub answered ({treeSize, rootHash, timestamp, treeHead}) once its JWS verifies with the hub's key
     * and its canonical payload says what the answer says, for this network; else Refused.
     */
    async function verify(answer, network) {
        const refused = (reason) => new Refused(reason, answer);
        const parts = String(answer.treeHead || '').split('.');
        let header;
        let text;
        let signature;
        try {
            if (parts.length !== 3) {
                throw new Error('not a compact JWS');
            }
            header = JSON.parse(utf8(decode(parts[0])));
            text = utf8(decode(parts[1]));
            signature = decode(parts[2]);
        } catch (e) {
            throw refused('signature');
        }
        const certificate = await hubCertificate();
        if (header.typ !== TYPE || !KEYS[header.alg]
            || (header.kid !== undefined && header.kid !== certificate.kid)) {
            throw refused('signature');
        }
        let valid;
        try {
            const key = await crypto.subtle.importKey('spki', certificate.spki, KEYS[header.alg], false, ['verify']);
            valid = await crypto.subtle.verify(SIGNATURES[header.alg], key, signature,
                encoder.encode(parts[0] + '.' + parts[1]));
        } catch (e) {
            valid = false;
        }
        if (!valid) {
            throw refused('signature');
        }
        let payload;
        try {
            payload = JSON.parse(text);
        } catch (e) {
            throw refused('content');
        }
        if (Ewn.jws.canonicalize(payload) !== text || payload.type !== 'tree-head' || payload.network !== network
            || !Number.isSafeInteger(payload.treeSize) || payload.treeSize < 0
            || !/^[0-9a-f]{64}$/.test(payload.rootHash) || Number.isNaN(Date.parse(payload.timestamp))
            || payload.treeSize !== answer.treeSize || payload.rootHash !== answer.rootHash
            || payload.timestamp !== answer.timestamp) {
            throw refused('content');
        }
        return {treeSize: payload.treeSize, rootHash: payload.rootHash, timestamp: payload.timestamp,
            treeHead: answer.treeHead};
    }

    /** Throws Refused unless head extends kept; a proof the hub does not give leaves the head unjudged. */
    async function mustExtend(kept, head) {
        if (head.treeSize === kept.treeSize) {
            if (head.rootHash !== kept.rootHash) {
                throw new Refused('fork', head);
            }
            return;
        }
        if (head.treeSize < kept.treeSize) {
            throw new Refused('shrank', head);
        }
        if (kept.treeSize === 0) {
            return;
        }
        const answer = await Ewn.api.get('api/v1/audit/proofs/consistency?from=' + kept.treeSize
            + '&to=' + head.treeSize);
        const proof = Array.isArray(answer.proof) ? answer.proof.map(Ewn.merkle.fromHex) : [null];
        const consistent = answer.from === kept.treeSize && answer.to === head.treeSize
            && !proof.includes(null) && await Ewn.merkle.verifyConsistency(kept.treeSize, head.treeSize,
                Ewn.merkle.fromHex(kept.rootHash), Ewn.merkle.fromHex(head.rootHash), proof);
        if (!consistent) {
            throw new Refused('inconsistent', head);
        }
    }

    // ---- what this browser keeps, per network: {largest, latest, alarm} in localStorage ---------------------------

    const storageKey = (network) => 'ewn.tree-heads.' + network;

    function load(network) {
        try {
            return JSON.parse(localStorage.getItem(storageKey(network))) || {};
        } catch (e) {
            return {};
        }
    }

    /** Changes what is kept; read again first, as another tab may have kept a head meanwhile. */
    function update(network, change) {
        const state = load(network);
        change(state);
        localStorage.setItem(storageKey(network), JSON.stringify(state));
        return state;
    }

    const summary = (head) => head && {treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp};

    /**
     * Judges an answer of GET /api/v1/audit/tree-head against the heads kept: {state: 'verified', head},
     * {state: 'alarm', alarm} (nothing kept changes but the alarm), or {state: 'unchecked', reason}.
     */
    async function judge(network, answer) {
        const kept = load(network).largest;
        try {
            const head = await verify(answer, network);
            if (kept) {
                await mustExtend(kept, head);
            }
            const checkedAt = new Date().toISOString();
            update(network, (state) => {
                if (!state.largest || head.treeSize >= state.largest.treeSize) {
                    state.largest = head;
                }
                state.latest = Object.assign({checkedAt: checkedAt}, head);
            });
            return {state: 'verified', head: head, checkedAt: checkedAt};
        } catch (e) {
            if (!(e instanceof Refused)) {
                return {state: 'unchecked', reason: e.message};
            }
            const alarm = {reason: e.reason, at: new Date().toISOString(), kept: summary(kept) || null,
                offered: e.offered};
            update(network, (state) => { state.alarm = alarm; });
            return {state: 'alarm', alarm: alarm};
        }
    }

    function forgetAlarm(network) {
        update(network, (state) => { delete state.alarm; });
    }

    // kept(network): what is kept for the network, {largest, latest, alarm}, each if any
    Ewn.heads = {verify: verify, judge: judge, kept: load, forgetAlarm: forgetAlarm};
})(window.Ewn = window.Ewn || {});
