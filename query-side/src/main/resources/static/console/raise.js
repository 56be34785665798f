// Raising an alert from the console: the form, the addressees (members, or address groups where the hub has them),
// attachments referenced by their SHA-256, the text sealed to the addressees when asked (by default for TLP:RED), and
// the signed alert.raise submission.
(function (Ewn) {
    'use strict';

    const el = Ewn.el;
    const byId = Ewn.byId;
    const t = Ewn.t;
    let loaded = false;
    let files = [];         // {sha256, name, mediaType, size}
    let members = [];       // the directory's members, [{code, name, suspended, agencies}]
    let groups = [];        // the hub's address groups, [{code, members}]

    async function show() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            members = await Ewn.api.get('api/v1/members');
            byId('raise-members').replaceChildren(...members.filter((m) => !m.suspended).map((m) =>
                el('label', {className: 'check chip'},
                    el('input', {attrs: {type: 'checkbox', name: 'member', value: m.code}}),
                    el('span', {text: m.code + ' · ' + m.name}))));
        } catch (e) {
            loaded = false;
            byId('raise-error').textContent = e.message;
        }
        try {
            const answer = await Ewn.api.get('api/v1/groups');
            const list = Array.isArray(answer) ? answer : (answer.groups || []);
            groups = list;
            byId('raise-groups').replaceChildren(...list.map((g) => el('label', {className: 'check chip'},
                el('input', {attrs: {type: 'checkbox', name: 'group', value: g.code, title: (g.members || []).join(', ')}}),
                el('span', {text: g.code + (g.name ? ' · ' + g.name : '')}))));
            byId('raise-groups-block').hidden = list.length === 0;
        } catch (e) {
            byId('raise-groups-block').hidden = true;   // a hub without address groups
        }
    }

    byId('raise-all').addEventListener('change', (e) => {
        byId('raise-members').querySelectorAll('input').forEach((box) => { box.disabled = e.target.checked; });
    });

    // TLP:RED is sealed unless the officer says otherwise
    const sealByDefault = () => { byId('raise-sealed').checked = byId('raise-marking').value === 'RED'; };
    byId('raise-marking').addEventListener('change', sealByDefault);

    /** The members the alert will reach, as the hub resolves its addressees and groups: suspended ones left out. */
    function reached(alert) {
        const own = Ewn.api.state.session.member;
        const codes = new Set(alert.allMembers ? members.map((m) => m.code) : alert.addressees || []);
        (alert.groups || []).forEach((code) => ((groups.find((g) => g.code === code) || {}).members || [])
            .forEach((member) => codes.add(member)));
        codes.delete(own);
        return members.filter((m) => codes.has(m.code) && !m.suspended);
    }

    /** Replaces the text with the text sealed to every member reached and our own member. */
    async function sealText(alert) {
        const own = members.find((m) => m.code === Ewn.api.state.session.member);
        const to = await Ewn.sealing.recipients(reached(alert), own);
        alert.sealed = await Ewn.sealing.seal(alert.text, to);
        delete alert.text;
    }

    byId('raise-files').addEventListener('change', async (e) => {
        files = await Promise.all(Array.from(e.target.files).map(async (file) => {
            const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
            return {sha256: Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''),
                name: file.name, mediaType: file.type || 'application/octet-stream', size: file.size};
        }));
        byId('raise-file-list').replaceChildren(...files.map((f) => el('li', {},
            el('span', {text: f.name + ' '}), el('code', {className: 'hash', text: f.sha256}))));
    });

    const instant = (value) => value ? Ewn.jws.issuedAt(new Date(value)) : undefined;

    function body() {
        const checked = (name) => Array.from(document.querySelectorAll('#raise-form input[name=' + name + ']:checked'))
            .map((box) => box.value);
        const all = byId('raise-all').checked;
        const alert = {
            title: byId('raise-title-input').value.trim(),
            text: byId('raise-text').value.trim(),
            category: byId('raise-category').value,
            precedence: byId('raise-precedence').value,
            marking: byId('raise-marking').value,
            status: byId('raise-status').value,
            reliability: byId('raise-reliability').value,
            accuracy: Number(byId('raise-accuracy').value),
            restrictions: {onwardSharingNeedsPermission: byId('raise-permission').checked},
            validFrom: instant(byId('raise-valid-from').value),
            validUntil: instant(byId('raise-valid-until').value)
        };
        const purpose = byId('raise-purpose').value.trim();
        if (purpose) {
            alert.restrictions.purpose = purpose;
        }
        if (all) {
            alert.allMembers = true;
        } else if (checked('member').length) {
            alert.addressees = checked('member');
        }
        const groups = checked('group');
        if (groups.length && !all) {
            alert.groups = groups;
        }
        if (files.length) {
            alert.attachments = files;
        }
        return alert;
    }

    byId('raise-form').addEventListener('submit', async (event) => {
        event.preventDefault();
        const alert = body();
        const error = byId('raise-error');
        error.textContent = '';
        if (!alert.title || !alert.text || (!alert.allMembers && !alert.addressees && !alert.groups)) {
            error.textContent = t('raiseMissing');
            return;
        }
        const button = event.target.querySelector('button[type=submit]');
        button.disabled = true;
        try {
            if (byId('raise-sealed').checked) {
                await sealText(alert);
            }
            let answer;
            try {
                answer = await Ewn.api.submit('api/v1/alerts', 'alert.raise', alert);
            } catch (e) {
                if (e.needsKey && await Ewn.keys.require()) {
                    answer = await Ewn.api.submit('api/v1/alerts', 'alert.raise', alert);
                } else {
                    throw e;
                }
            }
            event.target.reset();
            files = [];
            byId('raise-file-list').replaceChildren();
            byId('raise-members').querySelectorAll('input').forEach((box) => { box.disabled = false; });
            Ewn.i18n.apply(byId('raise-form'));
            sealByDefault();
            Ewn.toast(t('raised') + ': ' + alert.title, false);
            location.hash = '#/alerts/' + answer.alertId;
        } catch (e) {
            error.textContent = !(e instanceof Ewn.api.Problem) ? t('sealFailed') + ' — ' + e.message
                : e.needsKey || e.status === 0 ? e.title + (e.detail ? ' — ' + e.detail : '')
                : t('refusedByHub', {title: e.title}) + (e.detail ? ' — ' + e.detail : '');
        } finally {
            button.disabled = false;
        }
    });

    Ewn.raise = {show: show, body: body};
})(window.Ewn = window.Ewn || {});
