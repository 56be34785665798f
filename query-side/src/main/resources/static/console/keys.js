// The agency's signing key in this browser: loaded once from a PEM file, then kept non-extractable in IndexedDB.
(function (Ewn) {
    'use strict';

    const byId = Ewn.byId;
    const t = Ewn.t;
    let waiting = null;     // resolves require() once a key is loaded, or the dialog is closed

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
    }

    function open(reason) {
        byId('key-error').textContent = reason || '';
        byId('key-file').value = '';
        refresh();
        byId('key-dialog').showModal();
        byId('key-file').focus();
    }

    function closed(loaded) {
        const dialog = byId('key-dialog');
        if (dialog.open) {
            dialog.close();
        }
        if (waiting) {
            const resolve = waiting;
            waiting = null;
            resolve(loaded);
        }
    }

    /** Asks for the key; true once one is loaded. */
    function require() {
        return new Promise((resolve) => {
            waiting = resolve;
            open(t('keyMissingDetail'));
        });
    }

    byId('key-button').addEventListener('click', () => open(''));
    byId('key-close').addEventListener('click', () => closed(false));
    byId('key-dialog').addEventListener('cancel', () => closed(false));
    byId('key-forget').addEventListener('click', async () => {
        await Ewn.jws.keyStore.remove(Ewn.api.state.session.member);
        await refresh();
    });
    byId('key-file').addEventListener('change', async (e) => {
        const file = e.target.files[0];
        if (!file) {
            return;
        }
        byId('key-error').textContent = '';
        try {
            await Ewn.api.loadKey(await file.text());
            await refresh();
            closed(true);
        } catch (problem) {
            byId('key-error').textContent = problem.title + (problem.detail ? ' — ' + problem.detail : '');
        }
    });

    Ewn.keys = {refresh: refresh, open: open, require: require};
})(window.Ewn = window.Ewn || {});
