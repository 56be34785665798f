// The auditor's view: any member's inbox, and one of its alerts with its signed history, as they showed at a past
// moment, rebuilt by the hub from the log up to then (GET /api/v1/audit/inbox and /api/v1/audit/alerts/{id}).
// Moments are UTC, entered and shown, so that what two auditors in different zones compare is the same instant.
// The question lives in the address (#/audit?member=UZ&at=…Z&box=RECEIVED&alert=…), so it can be linked and
// gone back to.
(function (Ewn) {
    'use strict';

    const el = Ewn.el;
    const byId = Ewn.byId;
    const t = Ewn.t;
    const label = (kind, value) => Ewn.i18n.label(kind, value);
    const PAGE_SIZE = 25;

    let members = null;         // the directory's members, loaded once
    let question = null;        // {member, at, box, page, alert}, as the address asks
    let inboxKey = null;        // which inbox the list shows, so that opening an alert does not load it again
    let inbox = null;           // the hub's page
    let detail = null;          // the alert shown, as the hub answered
    let detailError = null;

    // ---- moments, in UTC ------------------------------------------------------------------------------------------

    /** The datetime-local value read as UTC: 2026-11-26T10:00 or …T10:00:05 becomes an ISO instant. */
    function instantOf(local) {
        return local ? (local.length === 16 ? local + ':00' : local) + 'Z' : '';
    }

    function localOf(instant) {
        return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/.test(instant) ? instant.slice(0, -1) : '';
    }

    function utc(iso) {
        if (!iso) {
            return '';
        }
        const date = new Date(iso);
        if (isNaN(date)) {
            return iso;
        }
        return new Intl.DateTimeFormat(Ewn.i18n.language() === 'ru' ? 'ru-RU' : 'en-GB', {dateStyle: 'medium',
            timeStyle: 'medium', timeZone: 'UTC'}).format(date) + ' UTC';
    }

    const time = (iso) => el('time', {text: utc(iso), attrs: {datetime: iso}});

    // ---- where an alert stood for the member then ------------------------------------------------------------------

    function standing(alert, member, box, at) {
        const moment = Date.parse(at);
        const details = alert.details || {};
        if (alert.withdrawal) {
            return {word: 'withdrawn', text: t('withdrawn')};
        }
        if (details.validUntil && moment > Date.parse(details.validUntil)) {
            return {word: 'expired', text: t('expired')};
        }
        const late = moment > Date.parse(alert.acknowledgeBy);
        if (box === 'SENT') {
            const board = alert.board || [];
            if (board.some((b) => b.state === 'OVERDUE' || (b.state === 'DELIVERED' && late))) {
                return {word: 'overdue', text: t('overdue')};
            }
            return {word: 'sent', text: board.length ? t('sentProgress', {addressees: board.length,
                acknowledged: board.filter((b) => b.state === 'ACKNOWLEDGED').length}) : t('sent')};
        }
        if ((alert.acknowledgements || []).some((a) => a.member === member)) {
            return {word: 'acknowledged', text: t('acknowledged')};
        }
        return late ? {word: 'overdue', text: t('overdue')} : {word: 'unacknowledged', text: t('unacknowledged')};
    }

    function stateBadge(alert) {
        const s = standing(alert, question.member, question.box, question.at);
        return el('span', {className: 'state state-' + s.word, text: s.text});
    }

    // ---- refusals ---------------------------------------------------------------------------------------------------

    /** What the hub refused, in words, always with the problem's own detail. */
    function refusal(e) {
        const lead = {400: 'auditBadRequest', 403: 'auditForbidden', 404: 'auditNotFound'}[e.status];
        const text = lead ? t(lead, {member: question.member, at: utc(question.at)}) : e.title;
        return text + (e.detail ? ' — ' + e.detail : '');
    }

    // ---- the address ----------------------------------------------------------------------------------------------

    function parse(hash) {
        const at = hash.indexOf('?');
        const query = new URLSearchParams(at < 0 ? '' : hash.substring(at + 1));
        return {member: query.get('member') || '', at: query.get('at') || '', box: query.get('box') || 'RECEIVED',
            page: Math.max(0, Number(query.get('page')) || 0), alert: query.get('alert') || ''};
    }

    function address(q) {
        const query = new URLSearchParams({member: q.member, at: q.at, box: q.box});
        if (q.page) {
            query.set('page', String(q.page));
        }
        if (q.alert) {
            query.set('alert', q.alert);
        }
        return '#/audit?' + query;
    }

    const go = (changes) => { location.hash = address(Object.assign({}, question, changes)); };

    // ---- the form ---------------------------------------------------------------------------------------------------

    async function loadMembers() {
        if (members) {
            return;
        }
        try {
            members = await Ewn.api.get('api/v1/members');
        } catch (e) {
            if (e.status !== 401) {
                byId('audit-error').textContent = e.title + (e.detail ? ' — ' + e.detail : '');
            }
            return;
        }
        byId('audit-member').replaceChildren(...members.map((m) => new Option(m.code + (m.name ? ' – ' + m.name : ''),
            m.code)));
        byId('audit-member').value = Ewn.api.state.session.member;     // the auditor's own member to start with
    }

    function fillForm() {
        if (question.member) {
            byId('audit-member').value = question.member;
        }
        if (question.at) {
            byId('audit-at').value = localOf(question.at);
        } else if (!byId('audit-at').value) {
            byId('audit-at').value = new Date().toISOString().substring(0, 19);
        }
        byId('audit-box').value = question.box;
    }

    byId('audit-form').addEventListener('submit', (e) => {
        e.preventDefault();
        const at = instantOf(byId('audit-at').value);
        if (!at) {
            byId('audit-error').textContent = t('auditMomentMissing');
            byId('audit-at').focus();
            return;
        }
        const next = {member: byId('audit-member').value, at: at, box: byId('audit-box').value, page: 0, alert: ''};
        if (address(next) === location.hash) {
            inboxKey = null;    // asked again: ask the hub again
            show(location.hash);
        } else {
            location.hash = address(next);
        }
    });
    byId('audit-prev').addEventListener('click', () => go({page: Math.max(0, question.page - 1), alert: ''}));
    byId('audit-next').addEventListener('click', () => go({page: question.page + 1, alert: ''}));

    // ---- showing ----------------------------------------------------------------------------------------------------

    /** Called by the console's router for every #/audit address. */
    async function show(hash) {
        question = parse(hash);
        await loadMembers();
        fillForm();
        if (!question.member || !question.at) {
            inbox = null;
            inboxKey = null;
            renderList();
            showDetail();
            return;
        }
        const key = [question.member, question.at, question.box, question.page].join('|');
        if (key !== inboxKey) {
            inboxKey = key;
            await loadInbox(key);
        }
        await showDetail();
    }

    async function loadInbox(key) {
        byId('audit-error').textContent = '';
        inbox = null;
        renderList(t('auditLoading'));
        const query = new URLSearchParams({member: question.member, at: question.at, box: question.box,
            page: String(question.page), size: String(PAGE_SIZE)});
        try {
            const page = await Ewn.api.get('api/v1/audit/inbox?' + query);
            if (key === inboxKey) {
                inbox = page;
            }
        } catch (e) {
            if (key === inboxKey && e.status !== 401) {
                byId('audit-error').textContent = refusal(e);
            }
        }
        if (key === inboxKey) {
            renderList();
        }
    }

    function renderList(status) {
        const alerts = inbox ? inbox.alerts : [];
        byId('audit-list').replaceChildren(...alerts.map(item));
        // which inbox the list shows, once the hub has answered
        Object.assign(byId('audit-list').dataset, inbox ? {member: question.member, box: question.box, asOf: question.at}
            : {member: '', box: '', asOf: ''});
        byId('audit-empty').hidden = !inbox || alerts.length > 0;
        byId('audit-summary').textContent = status || (inbox ? t('auditSummary', {member: question.member,
            at: utc(question.at), box: label('box', question.box), total: inbox.total}) : '');
        const pages = inbox ? Math.max(1, Math.ceil(inbox.total / PAGE_SIZE)) : 1;
        byId('audit-page-info').textContent = inbox ? t('pageInfo', {page: question.page + 1, pages: pages,
            total: inbox.total}) : '';
        byId('audit-prev').disabled = !inbox || question.page === 0;
        byId('audit-next').disabled = !inbox || question.page + 1 >= pages;
    }

    function item(alert) {
        const details = alert.details || {};
        const selected = question.alert === alert.alertId;
        const open = () => go({alert: alert.alertId});
        const state = stateBadge(alert);
        return el('li', {className: 'alert-item p-' + alert.precedence + (selected ? ' selected' : ''),
            dataset: {alertId: alert.alertId}, attrs: {tabindex: 0, role: 'button', 'aria-current': selected ? 'true' : null,
                'aria-label': alert.precedence + ', ' + alert.title + ', ' + state.textContent},
            on: {click: open, keydown: (e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    open();
                }
            }}},
        el('div', {className: 'line1'}, Ewn.badges.precedence(alert.precedence), Ewn.badges.marking(details.marking),
            Ewn.badges.status(details.status), Ewn.badges.sealed(alert), el('span', {className: 'title', text: alert.title})),
        el('div', {className: 'line2'},
            el('span', {className: 'origin', text: question.box === 'SENT' ? t('sent') + ' → ' + alert.addressees.join(', ')
                : alert.originator}),
            el('span', {className: 'category', text: label('category', alert.category)}),
            time(alert.raisedAt), state));
    }

    // ---- one alert as it was ---------------------------------------------------------------------------------------

    async function showDetail() {
        const pane = byId('audit-detail');
        document.body.classList.toggle('detail-open', Boolean(question.alert));
        if (!question.alert || !question.member || !question.at) {
            detail = null;
            pane.replaceChildren(el('p', {className: 'placeholder', text: t('auditSelect')}));
            return;
        }
        const asked = address(question);
        pane.replaceChildren(el('p', {className: 'placeholder', text: t('auditLoading')}));
        detail = null;
        detailError = null;
        const query = new URLSearchParams({member: question.member, at: question.at});
        try {
            const found = await Ewn.api.get('api/v1/audit/alerts/' + encodeURIComponent(question.alert) + '?' + query);
            if (asked === address(question)) {
                detail = found;
            }
        } catch (e) {
            if (e.status === 401) {
                return;
            }
            detailError = refusal(e);
        }
        if (asked === address(question)) {
            renderDetail();
        }
    }

    function fact(name, ...value) {
        return [el('dt', {text: name}), el('dd', {}, ...value)];
    }

    function renderDetail() {
        const pane = byId('audit-detail');
        const back = el('a', {className: 'back', text: '← ' + t('auditBack'), attrs: {href: address(Object.assign({},
            question, {alert: ''}))}});
        if (!detail) {
            pane.replaceChildren(back, el('p', {className: 'error', attrs: {id: 'audit-detail-error', role: 'alert'},
                text: detailError || ''}));
            return;
        }
        const alert = detail;
        const details = alert.details || {};
        const history = Ewn.detail.history(alert.history || [], utc);
        history.querySelector('ol').id = 'audit-history';
        pane.replaceChildren(...[
            back,
            el('p', {className: 'audit-as-of', text: t('auditAsOf', {member: question.member, at: utc(question.at)})}),
            el('div', {className: 'tlp-strip tlp-' + details.marking},
                el('span', {className: 'tlp-label', text: label('marking', details.marking)})),
            alert.withdrawal ? el('div', {className: 'banner withdrawn-banner', text: t('withdrawnBanner',
                {agency: alert.withdrawal.agency, reason: alert.withdrawal.reason})}) : null,
            el('header', {className: 'detail-head'},
                el('div', {className: 'badges'}, Ewn.badges.precedence(alert.precedence),
                    Ewn.badges.status(details.status), Ewn.badges.sealed(alert), stateBadge(alert)),
                el('h2', {text: alert.title, attrs: {id: 'audit-detail-title'}})),
            el('section', {className: 'text-block'}, alert.sealed
                ? el('p', {className: 'muted', text: t('sealedLead')})
                : el('p', {className: 'alert-text', text: alert.text})),
            Ewn.subjects.section(alert.subjects || []),
            el('dl', {className: 'facts'},
                ...fact(t('from'), alert.originator),
                ...fact(t('to'), alert.addressees.join(', ')),
                ...fact(t('category'), label('category', alert.category)),
                ...fact(t('marking'), label('marking', details.marking)),
                ...fact(t('raisedAt'), time(alert.raisedAt)),
                ...fact(t('acknowledgeBy'), time(alert.acknowledgeBy)),
                ...fact(t('validity'), details.validUntil ? t('validFromTo', {from: utc(details.validFrom),
                    until: utc(details.validUntil)}) : t('validFromOnly', {from: utc(details.validFrom)})),
                ...(alert.acknowledgements || []).flatMap((a) => fact(t('acknowledged'),
                    a.member + ' (' + a.agency + ') · ', time(a.acknowledgedAt))),
                ...(alert.board || []).flatMap((b) => fact(t('board') + ' ' + b.member,
                    t('state' + b.state), b.acknowledgedAt ? ' · ' : '', b.acknowledgedAt ? time(b.acknowledgedAt) : null))),
            history].filter(Boolean));
    }

    function rerender() {
        if (!question || byId('view-audit').hidden) {
            return;
        }
        renderList();
        if (detail || detailError) {
            renderDetail();
        } else if (!question.alert) {
            byId('audit-detail').replaceChildren(el('p', {className: 'placeholder', text: t('auditSelect')}));
        }
    }

    /** Forgets what was asked and shown, so that the next account signed in on this page finds none of it. */
    function clear() {
        question = null;
        inboxKey = null;
        inbox = null;
        detail = null;
        detailError = null;
        ['audit-list', 'audit-detail'].forEach((id) => byId(id).replaceChildren());
        ['audit-error', 'audit-summary', 'audit-page-info'].forEach((id) => { byId(id).textContent = ''; });
        Object.assign(byId('audit-list').dataset, {member: '', box: '', asOf: ''});
        byId('audit-at').value = '';
    }

    Ewn.i18n.onChange(rerender);
    Ewn.audit = {show: show, clear: clear};
})(window.Ewn = window.Ewn || {});
