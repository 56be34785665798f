// One referral or case transfer in full: where it stands, the person it is about, its summary (opened in this browser
// when sealed), the steps the caller's side may take now, each signed in the browser, and its history. What differs
// between the two kinds lives in referrals.js and transfers.js, which register here.
(function (Ewn) {
    'use strict';

    const el = Ewn.el;
    const byId = Ewn.byId;
    const t = Ewn.t;
    const when = (iso) => Ewn.i18n.dateTime(iso);

    const kinds = {};       // 'referrals' | 'transfers' -> what renders and moves that kind
    let current = null;     // the detail shown, as the hub answered
    let currentKind = null;
    let currentId = null;
    let refreshTimer = null;
    let busy = false;
    let lastStatus = null;  // what the last step came to, kept across re-renders of the same case
    let opened = null;      // {caseId, text}: the sealed summary opened in this browser, kept across re-renders only

    const pane = () => byId('case-detail');

    function register(name, kind) {
        kinds[name] = kind;
    }

    async function show(kindName, caseId) {
        if (currentId !== caseId || currentKind !== kindName) {
            current = null;
            currentKind = kindName;
            currentId = caseId;
            lastStatus = null;
            opened = null;
            pane().replaceChildren(el('p', {className: 'placeholder', text: '…'}));
        }
        await load(caseId, 4);
    }

    async function load(caseId, attempts) {
        const kind = kinds[currentKind];
        try {
            const detail = await Ewn.api.get(kind.path(caseId));
            if (currentId !== caseId) {
                return;
            }
            current = detail;
            render();
        } catch (e) {
            if (e.status === 404 && attempts > 1) {
                // made a moment ago: the read model may not hold it yet
                setTimeout(() => { if (currentId === caseId) { load(caseId, attempts - 1); } }, 400);
            } else if (currentId === caseId && e.status !== 401) {
                current = null;
                pane().replaceChildren(backButton(), el('p', {className: 'error', text: e.status === 404
                    ? t('caseNotFound') : e.message}));
            }
        }
    }

    /** Something happened to a case: reload it if it is the one shown (any case, when the push names none). */
    function changed(caseId) {
        if (currentId && (!caseId || caseId === currentId)) {
            const id = currentId;
            clearTimeout(refreshTimer);
            refreshTimer = setTimeout(() => { if (currentId === id) { load(id, 1); } }, 150);
        }
    }

    function clear() {
        current = null;
        currentId = null;
        currentKind = null;
        opened = null;
        pane().replaceChildren(el('p', {className: 'placeholder', text: t('selectCase')}));
    }

    function rerender() {
        if (current) {
            render();
        } else if (!currentId) {
            clear();
        }
    }

    function backButton() {
        return el('a', {className: 'back', text: '← ' + t('backToCases'), attrs: {href: '#/cases'}});
    }

    // ---- rendering ------------------------------------------------------------------------------------------------

    function render() {
        const kind = kinds[currentKind];
        const detail = current;
        pane().replaceChildren(...[
            backButton(),
            ...kind.banners(detail),
            el('header', {className: 'detail-head'},
                el('div', {className: 'badges'}, ...kind.badges(detail)),
                el('h2', {text: kind.title(detail), attrs: {id: 'case-title'}})),
            actions(kind.actions(detail)),
            el('p', {id: 'case-action-status', className: 'action-status',
                attrs: {role: 'status', 'aria-live': 'polite'}}),
            summary(detail),
            Ewn.subjects.section(kind.subjects(detail), 'case-subjects'),
            facts(kind.facts(detail)),
            history(detail.history || [], kind)].filter(Boolean));
        if (lastStatus && lastStatus.caseId === currentId) {
            status(lastStatus.text, lastStatus.error);
        }
    }

    /** [[name, value]] as a definition list, leaving out what has no value. */
    function facts(pairs) {
        return el('dl', {className: 'facts', attrs: {id: 'case-facts'}}, ...pairs
            .filter(([, value]) => value !== null && value !== undefined && value !== '')
            .flatMap(([name, value]) => [el('dt', {text: name}), el('dd', {}, value)]));
    }

    function summary(detail) {
        if (detail.summary) {
            return el('section', {className: 'text-block'},
                el('p', {className: 'alert-text', attrs: {id: 'case-summary'}, text: detail.summary}));
        }
        if (!detail.sealedSummary) {
            return null;
        }
        if (opened && opened.caseId === currentId) {
            return el('section', {className: 'text-block'},
                el('p', {className: 'alert-text', attrs: {id: 'case-summary'}, text: opened.text}));
        }
        return el('section', {className: 'text-block sealed'},
            el('p', {className: 'muted', text: t('sealedSummaryLead')}),
            el('button', {text: t('openSealedSummary'), attrs: {type: 'button', id: 'open-sealed-summary'},
                on: {click: openSealed}}),
            el('p', {className: 'error', attrs: {id: 'sealed-summary-error', role: 'alert'}}));
    }

    /** Opens the sealed summary with this browser's encryption key, asking for the key first if there is none. */
    async function openSealed() {
        const detail = current;
        const caseId = currentId;
        for (let attempt = 0; ; attempt++) {
            try {
                opened = {caseId: caseId, text: await Ewn.sealing.open(detail.sealedSummary)};
                if (current === detail) {
                    render();
                }
                return;
            } catch (e) {
                if (e.needsKey && attempt === 0 && await Ewn.keys.requireEncryption()) {
                    continue;
                }
                const line = byId('sealed-summary-error');
                if (line) {
                    line.textContent = e.title + (e.detail ? ' — ' + e.detail : '');
                }
                return;
            }
        }
    }

    /** steps: [{id, label, className, run}] as the kind offers them for where the case stands. */
    function actions(steps) {
        if (!steps.length) {
            return null;
        }
        return el('div', {className: 'actions detail-actions'}, ...steps.map((step) => el('button', {
            className: step.className || '', text: step.label, attrs: {type: 'button', id: step.id},
            on: {click: step.run}})));
    }

    function history(steps, kind) {
        return el('section', {className: 'history'}, el('h3', {text: t('history')}),
            el('ol', {attrs: {id: 'case-history'}}, ...steps.map((step) => {
                const said = kind.stepQuote(step);
                return el('li', {className: 'step step-' + kind.stepKind(step)},
                    el('time', {text: when(step.at), attrs: {datetime: step.at}}),
                    el('div', {},
                        el('p', {className: 'step-text', text: kind.stepText(step)}),
                        said ? el('p', {className: 'step-quote', text: said}) : null));
            })));
    }

    // ---- the steps, each a signed submission ----------------------------------------------------------------------

    function status(text, error) {
        lastStatus = currentId ? {caseId: currentId, text: text, error: error} : null;
        const line = byId('case-action-status');
        if (line) {
            line.textContent = text;
            line.className = 'action-status' + (error ? ' error' : ' ok');
        }
    }

    /**
     * Signs {type, body} as this browser's agency and posts it to the case's path + step, asking for the signing key
     * first if there is none; then reloads the case and the list. True when the hub took it.
     */
    async function act(step, type, body) {
        if (busy || !current) {
            return false;
        }
        const caseId = currentId;
        const path = kinds[currentKind].path(caseId) + step;
        busy = true;
        status(t('sending'), false);
        try {
            for (let attempt = 0; ; attempt++) {
                try {
                    const answer = await Ewn.api.submit(path, type, body);
                    status(t('accepted', {index: receiptIndex(answer)}), false);
                    break;
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
        if (currentId === caseId) {
            await load(caseId, 1);
        }
        Ewn.cases.reload();
        return true;
    }

    /** Asks for the fields, then takes the step with them added to the body; nothing when the officer cancels. */
    async function actWith(title, fields, step, type, body) {
        const values = await Ewn.prompt(title, title, fields);
        if (values) {
            await act(step, type, Object.assign({}, body, values));
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

    Ewn.caseDetail = {register: register, show: show, changed: changed, clear: clear, rerender: rerender, act: act,
        actWith: actWith, shownId: () => currentId};
})(window.Ewn = window.Ewn || {});
