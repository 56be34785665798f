// One alert in full: its handling and grading, its text and follow-ups, the steps an officer may take (each signed in
// the browser), the originator's per-addressee board and sharing decisions, and the signed history.
(function (Ewn) {
    'use strict';

    const el = Ewn.el;
    const byId = Ewn.byId;
    const t = Ewn.t;
    const label = (kind, value) => Ewn.i18n.label(kind, value);
    const when = (iso) => Ewn.i18n.dateTime(iso);

    let current = null;     // the alert detail shown, as the hub answered
    let currentId = null;
    let refreshTimer = null;
    let busy = false;
    let lastStatus = null;  // what the last step taken on the alert shown came to, kept across re-renders
    let opened = null;      // {alertId, text}: the sealed text opened in this browser, kept across re-renders only

    const pane = () => byId('detail');

    async function show(alertId) {
        if (currentId !== alertId) {
            current = null;
            currentId = alertId;
            lastStatus = null;
            opened = null;
            pane().replaceChildren(el('p', {className: 'placeholder', text: '…'}));
        }
        await load(alertId, 4);
        if (currentId === alertId && window.matchMedia('(max-width: 1099px)').matches) {
            pane().focus();
        }
    }

    async function load(alertId, attempts) {
        try {
            const detail = await Ewn.api.get('api/v1/inbox/alerts/' + encodeURIComponent(alertId));
            if (currentId !== alertId) {
                return;
            }
            current = detail;
            Ewn.inbox.merge(Object.assign({}, detail));
            render();
        } catch (e) {
            if (e.status === 404 && attempts > 1) {
                // raised a moment ago: the inbox may not have projected it yet
                setTimeout(() => { if (currentId === alertId) { load(alertId, attempts - 1); } }, 400);
            } else if (currentId === alertId && e.status !== 401) {
                current = null;
                pane().replaceChildren(backButton(), el('p', {className: 'error', text: e.status === 404
                    ? t('notFound') : e.message}));
            }
        }
    }

    function changed(alertId) {
        if (alertId === currentId) {
            clearTimeout(refreshTimer);
            refreshTimer = setTimeout(() => load(alertId, 1), 150);
        }
    }

    function clear() {
        current = null;
        currentId = null;
        opened = null;
        pane().replaceChildren(el('p', {className: 'placeholder', text: t('selectAlert')}));
    }

    function rerender() {
        if (current) {
            render();
        } else if (!currentId) {
            clear();
        }
    }

    function backButton() {
        return el('a', {className: 'back', text: '← ' + t('back'), attrs: {href: '#/inbox'}});
    }

    // ---- rendering ------------------------------------------------------------------------------------------------

    function render() {
        const alert = current;
        const A = Ewn.alerts;
        const details = alert.details || {};
        const sent = A.isSent(alert);
        const banners = [];
        if (details.status === 'EXERCISE' || details.status === 'TEST') {
            banners.push(el('div', {className: 'banner drill-banner', attrs: {role: 'note'},
                text: t(details.status === 'EXERCISE' ? 'exerciseBanner' : 'testBanner')}));
        }
        if (alert.withdrawal) {
            banners.push(el('div', {className: 'banner withdrawn-banner', text: t('withdrawnBanner',
                {agency: alert.withdrawal.agency, reason: alert.withdrawal.reason})}));
        } else if (A.isExpired(alert)) {
            banners.push(el('div', {className: 'banner expired-banner', text: t('expiredBanner')}));
        }
        const followUps = (alert.history || []).filter((s) => s.kind === 'FOLLOWED_UP');
        pane().replaceChildren(...[
            backButton(),
            el('div', {className: 'tlp-strip tlp-' + details.marking},
                el('span', {className: 'tlp-label', text: label('marking', details.marking)})),
            ...banners,
            el('header', {className: 'detail-head'},
                el('div', {className: 'badges'}, Ewn.badges.precedence(alert.precedence),
                    Ewn.badges.status(details.status), Ewn.badges.sealed(alert), Ewn.badges.standing(alert)),
                el('h2', {id: 'detail-title', text: alert.title, attrs: {id: 'detail-title'}})),
            actions(alert),
            el('p', {id: 'action-status', className: 'action-status', attrs: {role: 'status', 'aria-live': 'polite'}}),
            el('section', {className: 'text-block'},
                followUps.length ? el('p', {className: 'supersedes',
                    text: t('followUpNumber', {number: followUps[followUps.length - 1].number}) + ' · '
                        + when(followUps[followUps.length - 1].at)}) : null,
                alert.sealed ? sealedText(alert) : el('p', {className: 'alert-text', text: alert.text})),
            Ewn.subjects.section(alert.subjects || []),
            facts(alert, details),
            sent ? board(alert) : null,
            sharing(alert, sent),
            attachments(details.attachments || []),
            history(alert.history || [])].filter(Boolean));
        if (lastStatus && lastStatus.alertId === alert.alertId) {
            status(lastStatus.text, lastStatus.error);
        }
    }

    function sealedText(alert) {
        if (opened && opened.alertId === alert.alertId) {
            return el('p', {className: 'alert-text', attrs: {id: 'sealed-text'}, text: opened.text});
        }
        return el('div', {className: 'sealed'},
            el('p', {className: 'muted', text: t('sealedLead')}),
            el('button', {text: t('openSealed'), attrs: {type: 'button', id: 'open-sealed'}, on: {click: openSealed}}),
            el('p', {className: 'error', attrs: {id: 'sealed-error', role: 'alert'}}));
    }

    /** Opens the sealed text with this browser's encryption key, asking for the key first if there is none. */
    async function openSealed() {
        const alert = current;
        for (let attempt = 0; ; attempt++) {
            try {
                opened = {alertId: alert.alertId, text: await Ewn.sealing.open(alert.sealedText)};
                if (current === alert) {
                    render();
                }
                return;
            } catch (e) {
                if (e.needsKey && attempt === 0 && await Ewn.keys.requireEncryption()) {
                    continue;
                }
                const line = byId('sealed-error');
                if (line) {
                    line.textContent = e.title + (e.detail ? ' — ' + e.detail : '');
                }
                return;
            }
        }
    }

    function fact(name, ...value) {
        return [el('dt', {text: name}), el('dd', {}, ...value)];
    }

    function facts(alert, details) {
        const restrictions = details.restrictions || {};
        const validity = details.validUntil ? t('validFromTo', {from: when(details.validFrom), until: when(details.validUntil)})
            : t('validFromOnly', {from: when(details.validFrom)});
        return el('dl', {className: 'facts'},
            ...fact(t('from'), alert.originator),
            ...fact(t('to'), alert.addressees.join(', ')),
            ...fact(t('category'), label('category', alert.category)),
            ...fact(t('raisedAt'), el('time', {text: when(alert.raisedAt), attrs: {datetime: alert.raisedAt}})),
            ...fact(t('acknowledgeBy'), el('time', {text: when(alert.acknowledgeBy), attrs: {datetime: alert.acknowledgeBy},
                className: Ewn.alerts.isOverdue(alert) ? 'overdue-text' : ''})),
            ...fact(t('validity'), validity),
            ...fact(t('restrictions'), el('span', {text: restrictions.purpose
                ? t('purposeOnly', {purpose: restrictions.purpose}) : t('anyLawfulPurpose')}), el('br'),
                el('span', {className: restrictions.onwardSharingNeedsPermission ? 'restricted' : '',
                    text: restrictions.onwardSharingNeedsPermission ? t('askBeforeSharing') : t('mayShare')})),
            ...fact(t('grading'), t('reliabilityValue', {value: details.reliability,
                label: label('reliability', details.reliability)}), el('br'),
                t('accuracyValue', {value: details.accuracy, label: label('accuracy', String(details.accuracy))})));
    }

    function actions(alert) {
        const A = Ewn.alerts;
        const buttons = [];
        if (A.canAcknowledge(alert)) {
            buttons.push(el('button', {className: 'primary', text: t('acknowledgeShortcut'),
                attrs: {type: 'button', id: 'acknowledge'}, on: {click: acknowledge}}));
        }
        const open = !alert.withdrawal && !A.isExpired(alert);
        if (open && A.isAddressed(alert) && !A.isSent(alert)) {
            buttons.push(el('button', {text: t('requestSharing'), attrs: {type: 'button', id: 'request-sharing'},
                on: {click: requestSharing}}));
        }
        if (open && A.isSent(alert)) {
            buttons.push(el('button', {text: t('followUp'), attrs: {type: 'button', id: 'follow-up'}, on: {click: followUp}}),
                el('button', {className: 'danger', text: t('withdraw'), attrs: {type: 'button', id: 'withdraw'},
                    on: {click: withdraw}}));
        }
        return buttons.length ? el('div', {className: 'actions detail-actions'}, ...buttons) : null;
    }

    function board(alert) {
        return el('section', {className: 'board'}, el('h3', {text: t('board')}),
            el('table', {attrs: {id: 'board'}}, el('tbody', {}, ...(alert.board || []).map((b) =>
                el('tr', {className: 'board-' + b.state, dataset: {member: b.member}},
                    el('th', {text: b.member, attrs: {scope: 'row'}}),
                    el('td', {}, el('span', {className: 'state state-' + b.state.toLowerCase(), text: t('state' + b.state)})),
                    el('td', {text: b.acknowledgedAt ? when(b.acknowledgedAt) : ''}))))));
    }

    function sharing(alert, sent) {
        const requests = (alert.history || []).filter((s) => s.kind === 'SHARING_REQUESTED');
        if (!requests.length) {
            return null;
        }
        const decisions = (alert.history || []).filter((s) => s.kind === 'SHARING_DECIDED');
        return el('section', {className: 'sharing'}, el('h3', {text: t('sharingRequests')}),
            el('ul', {}, ...requests.map((request) => {
                const decision = decisions.find((d) => d.requestId === request.requestId);
                return el('li', {},
                    el('span', {text: t('step_SHARING_REQUESTED', request)}),
                    decision ? el('span', {className: 'state ' + (decision.granted ? 'state-acknowledged' : 'state-overdue'),
                        text: t(decision.granted ? 'granted' : 'refused') + (decision.reason ? ': ' + decision.reason : '')})
                        : el('span', {className: 'state state-unacknowledged', text: t('pending')}),
                    !decision && sent ? el('span', {className: 'decide'},
                        el('button', {className: 'small', text: t('grant'), attrs: {type: 'button'},
                            on: {click: () => decide(request, true)}}),
                        el('button', {className: 'small danger', text: t('refuse'), attrs: {type: 'button'},
                            on: {click: () => decide(request, false)}})) : null);
            })));
    }

    function attachments(list) {
        if (!list.length) {
            return null;
        }
        return el('section', {className: 'attachments'}, el('h3', {text: t('attachments')}),
            el('ul', {}, ...list.map((a) => el('li', {},
                el('span', {className: 'file-name', text: a.name || '—'}),
                el('span', {className: 'muted', text: ' ' + (a.mediaType || '') + ' · ' + size(a.size)}),
                el('code', {className: 'hash', text: 'SHA-256 ' + a.sha256})))));
    }

    function size(bytes) {
        if (bytes < 1024) {
            return bytes + ' B';
        }
        return bytes < 1048576 ? (bytes / 1024).toFixed(1) + ' KiB' : (bytes / 1048576).toFixed(1) + ' MiB';
    }

    /** The steps with their signatures; the audit view passes its own way of writing times. */
    function history(steps, format) {
        const at = format || when;
        return el('section', {className: 'history'}, el('h3', {text: t('history')}),
            el('ol', {attrs: {id: 'history'}}, ...steps.map((step) => el('li', {className: 'step step-' + step.kind},
                el('time', {text: at(step.at), attrs: {datetime: step.at}}),
                el('div', {},
                    el('p', {className: 'step-text', text: t('step_' + step.kind, Object.assign({}, step,
                        {decision: step.granted ? t('granted').toLowerCase() : t('refused').toLowerCase()}))}),
                    step.kind === 'FOLLOWED_UP' || (step.kind === 'RAISED' && steps.some((s) => s.kind === 'FOLLOWED_UP'))
                        ? el('p', {className: 'step-quote', text: step.text}) : null,
                    signature(step.signature))))));
    }

    function signature(sig) {
        if (!sig) {
            return el('p', {className: 'sig sig-unknown', text: t('signature') + ': ' + t('sigUnknown')});
        }
        const status = el('span', {className: 'sig-status', text: (sig.status === 'VERIFIED' ? '✓ ' : sig.status === 'FAILED'
            ? '✗ ' : '') + t('sig' + sig.status)});
        const lines = [el('span', {text: t('signature') + ': '}), status];
        if (sig.status !== 'HUB') {
            lines.push(el('span', {text: ' · ' + t('sigBy', {agency: sig.agency, kid: sig.keyId}) + ' · '
                + (sig.algorithm || '')}));
            if (sig.certificateSubject) {
                lines.push(el('span', {className: 'cert', text: t('certificate', {subject: sig.certificateSubject,
                    serial: sig.certificateSerial, issuer: sig.certificateIssuer})}));
            }
        }
        return el('p', {className: 'sig sig-' + sig.status}, ...lines);
    }

    // ---- the steps, each a signed submission ----------------------------------------------------------------------

    function status(text, error) {
        lastStatus = current ? {alertId: current.alertId, text: text, error: error} : null;
        const line = byId('action-status');
        if (line) {
            line.textContent = text;
            line.className = 'action-status' + (error ? ' error' : ' ok');
        }
    }

    /** Signs and submits; asks for the key first if this browser has none, then carries on. */
    async function act(path, type, body) {
        if (busy) {
            return false;
        }
        busy = true;
        status(t('sending'), false);
        try {
            for (let attempt = 0; ; attempt++) {
                try {
                    const answer = await Ewn.api.submit(path, type, body);
                    status(t('accepted', {index: receiptIndex(answer)}), false);
                    return answer;
                } catch (e) {
                    if (e.needsKey && attempt === 0 && await Ewn.keys.require()) {
                        continue;
                    }
                    throw e;
                }
            }
        } catch (e) {
            status(e.needsKey ? e.title + ' — ' + e.detail : t('refusedByHub', {title: e.title})
                + (e.detail ? ' — ' + e.detail : ''), true);
            return false;
        } finally {
            busy = false;
        }
    }

    function receiptIndex(answer) {
        try {
            const payload = answer.receipt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
            return JSON.parse(atob(payload)).globalIndex;
        } catch (e) {
            return '?';
        }
    }

    function stepPath(step) {
        return 'api/v1/alerts/' + encodeURIComponent(current.alertId) + step;
    }

    async function acknowledge() {
        if (!current || !Ewn.alerts.canAcknowledge(current)) {
            return;
        }
        const alertId = current.alertId;
        if (await act(stepPath('/acknowledgements'), 'alert.acknowledge', {alertId: alertId})) {
            // the hub has it; show it at once, the push and the reload confirm it
            Ewn.inbox.received({kind: 'acknowledged', alertId: alertId, member: Ewn.alerts.me(),
                agency: '', acknowledgedAt: new Date().toISOString(), position: -1});
            await load(alertId, 1);
        }
    }

    async function afterStep(answer) {
        if (answer) {
            await load(current.alertId, 1);
        }
    }

    async function requestSharing() {
        const values = await Ewn.prompt(t('requestSharing'), t('requestSharing'), [
            {name: 'recipients', label: t('recipients'), required: true, max: 1000},
            {name: 'purpose', label: t('purposeOfSharing'), required: true, max: 1000}]);
        if (values) {
            await afterStep(await act(stepPath('/sharing-requests'), 'alert.sharing-request',
                {alertId: current.alertId, recipients: values.recipients, purpose: values.purpose}));
        }
    }

    async function followUp() {
        const values = await Ewn.prompt(t('followUp'), t('followUp'), [
            {name: 'text', label: t('followUpText'), required: true, multiline: true, max: 20000}]);
        if (values) {
            await afterStep(await act(stepPath('/follow-ups'), 'alert.follow-up',
                {alertId: current.alertId, text: values.text}));
        }
    }

    async function withdraw() {
        const values = await Ewn.prompt(t('withdraw'), t('withdraw'), [
            {name: 'reason', label: t('withdrawReason'), required: true, max: 2000}]);
        if (values) {
            await afterStep(await act(stepPath('/withdrawal'), 'alert.withdraw',
                {alertId: current.alertId, reason: values.reason}));
        }
    }

    async function decide(request, granted) {
        const values = await Ewn.prompt(t(granted ? 'grant' : 'refuse'), t(granted ? 'grant' : 'refuse'), [
            {name: 'reason', label: t('decisionReason'), required: !granted, max: 2000}]);
        if (values) {
            const body = {alertId: current.alertId, requestId: request.requestId, granted: granted};
            if (values.reason) {
                body.reason = values.reason;
            }
            await afterStep(await act(stepPath('/sharing-requests/' + encodeURIComponent(request.requestId)
                + '/decision'), 'alert.sharing-decision', body));
        }
    }

    // ---- a small form in a dialog -----------------------------------------------------------------------------------

    Ewn.prompt = function (title, okLabel, fields) {
        const dialog = byId('prompt-dialog');
        byId('prompt-title').textContent = title;
        byId('prompt-ok').textContent = okLabel;
        byId('prompt-error').textContent = '';
        byId('prompt-fields').replaceChildren(...fields.map((f) => el('label', {className: 'field'},
            el('span', {text: f.label}),
            f.options ? el('select', {attrs: {name: f.name, id: 'prompt-' + f.name}},
                ...f.options.map((o) => el('option', {text: o.label, attrs: {value: o.value}})))
                : el(f.multiline ? 'textarea' : 'input', {attrs: {name: f.name, required: f.required, maxlength: f.max,
                    rows: f.multiline ? 5 : null, id: 'prompt-' + f.name}}))));
        return new Promise((resolve) => {
            const form = byId('prompt-form');
            const done = (values) => {
                form.removeEventListener('submit', submitted);
                byId('prompt-cancel').removeEventListener('click', cancelled);
                dialog.removeEventListener('cancel', cancelled);
                if (dialog.open) {
                    dialog.close();
                }
                resolve(values);
            };
            const submitted = (e) => {
                e.preventDefault();
                const values = {};
                for (const f of fields) {
                    values[f.name] = form.elements[f.name].value.trim();
                    if (f.required && !values[f.name]) {
                        form.elements[f.name].focus();
                        return;
                    }
                }
                done(values);
            };
            const cancelled = (e) => {
                if (e) {
                    e.preventDefault();
                }
                done(null);
            };
            form.addEventListener('submit', submitted);
            byId('prompt-cancel').addEventListener('click', cancelled);
            dialog.addEventListener('cancel', cancelled);
            dialog.showModal();
            const first = form.querySelector('input, textarea, select');
            if (first) {
                first.focus();
            }
        });
    };

    Ewn.detail = {show: show, changed: changed, clear: clear, rerender: rerender, acknowledge: acknowledge,
        history: history};
})(window.Ewn = window.Ewn || {});
