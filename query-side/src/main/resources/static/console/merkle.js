// Merkle tree hashing and consistency proofs as RFC 9162 (§2.1.1, §2.1.4.2) defines them, with WebCrypto's SHA-256,
// checked step for step as the hub's Java verifier (org.ewn.transparency.ProofVerifier) checks them: a proof whose
// elements are not all 32 bytes, or that has too few or too many, fails.
(function (Ewn) {
    'use strict';

    const LENGTH = 32;

    async function sha256(prefix, ...parts) {
        const input = new Uint8Array(parts.reduce((length, part) => length + part.length, 1));
        input[0] = prefix;
        let at = 1;
        parts.forEach((part) => {
            input.set(part, at);
            at += part.length;
        });
        return new Uint8Array(await crypto.subtle.digest('SHA-256', input));
    }

    const leaf = (data) => sha256(0x00, data);
    const node = (left, right) => sha256(0x01, left, right);

    function equal(a, b) {
        return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length
            && a.every((byte, i) => byte === b[i]);
    }

    // tree sizes outgrow the 32 bits JavaScript's bit operators work on: halve and test by arithmetic
    const half = (n) => Math.floor(n / 2);
    const odd = (n) => n % 2 === 1;

    function powerOfTwo(n) {
        let m = n;
        while (m > 1 && !odd(m)) {
            m = half(m);
        }
        return m === 1;
    }

    /** Whether proof ([Uint8Array]) shows that the tree of size2 with root2 extends the one of size1 with root1. */
    async function verifyConsistency(size1, size2, root1, root2, proof) {
        if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < size1
            || !proof.every((hash) => hash instanceof Uint8Array && hash.length === LENGTH)) {
            return false;
        }
        if (size1 === size2) {
            return proof.length === 0 && equal(root1, root2);
        }
        if (size1 === 0) {
            return proof.length === 0;      // every tree extends the empty one
        }
        if (proof.length === 0) {
            return false;
        }
        const path = powerOfTwo(size1) ? [root1].concat(proof) : proof;
        let fn = size1 - 1;
        let sn = size2 - 1;
        while (odd(fn)) {
            fn = half(fn);
            sn = half(sn);
        }
        let fr = path[0];
        let sr = path[0];
        for (const c of path.slice(1)) {
            if (sn === 0) {
                return false;
            }
            if (odd(fn) || fn === sn) {
                fr = await node(c, fr);
                sr = await node(c, sr);
                while (!odd(fn) && fn !== 0) {
                    fn = half(fn);
                    sn = half(sn);
                }
            } else {
                sr = await node(sr, c);
            }
            fn = half(fn);
            sn = half(sn);
        }
        return sn === 0 && equal(fr, root1) && equal(sr, root2);
    }

    /** Bytes of lower- or upper-case hex; null for anything else. */
    function fromHex(text) {
        if (typeof text !== 'string' || text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) {
            return null;
        }
        return Uint8Array.from(text.match(/../g) || [], (pair) => parseInt(pair, 16));
    }

    const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

    Ewn.merkle = {leaf: leaf, node: node, verifyConsistency: verifyConsistency, fromHex: fromHex, toHex: toHex};
})(window.Ewn = window.Ewn || {});
