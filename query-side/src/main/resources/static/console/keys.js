// The agency's keys in this browser, each loaded once from a PEM file, then kept non-extractable in IndexedDB: the
// signing key for every step taken, and the encryption key that opens sealed texts.
(function (Ewn) {
    'use strict';

    const byId = Ewn.byId;
    const t = Ewn.t;
    let waiting = null;     // {kind, resolve}: require() or requireEncryption(), once that key is loaded or the dialog closed

    async function current() {
        const session = Ewn.api.state.session;
        return session ? Ewn.jws.keyStore.get(session.member) : undefined;
    }

    async function refresh() {
        const record = await current();
        byId('key-button').textContent = record ? t('keyButton', {agency: record.agency}) : t('keyButtonNone');
        byId('key-button').classList.toggle('warn', !record);
        byId('key-status').textContent = record ? t('keyLoaded', {agency: record.agency, alg: record.alg,
            kid: record.kid}) : t('keyNone');
        byId('key-forget').hidden = !record;
        const encryption = Ewn.api.state.session ? await Ewn.sealing.current() : undefined;
        byId('encryption-key-status').textContent = encryption ? t('encryptionKeyLoaded', {agency: encryption.agency,
            kid: encryption.kid}) : t('keyNone');
        byId('encryption-key-forget').hidden = !encryption;
    }

    function open(reason, encryptionReason) {
        byId('key-error').textContent = reason || '';
        byId('encryption-key-error').textContent = encryptionReason || '';
        byId('key-file').value = '';
        byId('encryption-key-file').value = '';
        refresh();
        byId('key-dialog').showModal();
        byId(encryptionReason ? 'encryption-key-file' : 'key-file').focus();
    }

    function closed(kind) {
        const dialog = byId('key-dialog');
        if (dialog.open) {
            dialog.close();
        }
        if (waiting) {
            const resolve = waiting.resolve;
            const loaded = waiting.kind === kind;
            waiting = null;
            resolve(loaded);
        }
    }

    /** Asks for the signing key; true once one is loaded. */
    function require() {
        return new Promise((resolve) => {
            waiting = {kind: 'signing', resolve: resolve};
            open(t('keyMissingDetail'), '');
        });
    }

    /** Asks for the encryption key; true once one is loaded. */
    function requireEncryption() {
        return new Promise((resolve) => {
            waiting = {kind: 'encryption', resolve: resolve};
            open('', t('encryptionKeyMissingDetail'));
        });
    }

    /** A file input that loads a key; the dialog closes once the key asked for (or, unasked, any key) is in. */
    function loadFrom(input, error, load, kind) {
        byId(input).addEventListener('change', async (e) => {
            const file = e.target.files[0];
            if (!file) {
                return;
            }
            byId(error).textContent = '';
            try {
                await load(await file.text());
                await refresh();
                if (!waiting || waiting.kind === kind) {
                    closed(kind);
                }
            } catch (problem) {
                byId(error).textContent = problem.title + (problem.detail ? ' — ' + problem.detail : '');
            }
        });
    }

    byId('key-button').addEventListener('click', () => open('', ''));
    byId('key-close').addEventListener('click', () => closed(null));
    byId('key-dialog').addEventListener('cancel', () => closed(null));
    byId('key-forget').addEventListener('click', async () => {
        await Ewn.jws.keyStore.remove(Ewn.api.state.session.member);
        await refresh();
    });
    byId('encryption-key-forget').addEventListener('click', async () => {
        await Ewn.jws.encryptionKeyStore.remove(Ewn.api.state.session.member);
        await refresh();
    });
    loadFrom('key-file', 'key-error', (pem) => Ewn.api.loadKey(pem), 'signing');
    loadFrom('encryption-key-file', 'encryption-key-error', (pem) => Ewn.sealing.loadKey(pem), 'encryption');

    Ewn.keys = {refresh: refresh, open: open, require: require, requireEncryption: requireEncryption};
})(window.Ewn = window.Ewn || {});
