// The liaison officer's console: signing in, the member's inbox kept live over STOMP, and the routes between the
// inbox, an alert, the cases, the raise form and the dashboard.
(function (Ewn) {
    'use strict';

    const el = Ewn.el;
    const byId = Ewn.byId;
    const t = Ewn.t;
    const PAGE_SIZE = 25;

    const app = {
        session: null,
        alerts: new Map(),      // alertId -> alert (as the inbox shows it), the page's and those pushed live
        order: [],              // the ids the list shows, newest first
        fresh: new Set(),       // pushed live and not yet opened
        selected: null,
        page: 0,
        total: 0,
        escalations: []
    };
    Ewn.app = app;

    // ---- the alert as this member sees it -------------------------------------------------------------------------

    const me = () => app.session.member;
    // an agency's code starts with its member's: KZ-DEMO is Kazakhstan's
    const memberOf = (agency) => agency.substring(0, agency.indexOf('-'));
    const isSent = (alert) => memberOf(alert.originator) === me();
    const isAddressed = (alert) => alert.addressees.includes(me());
    const acknowledgedByMe = (alert) => (alert.acknowledgements || []).some((a) => a.member === me());
    const isExpired = (alert) => Boolean(alert.details && alert.details.validUntil
        && Date.now() > Date.parse(alert.details.validUntil));
    function isOverdue(alert) {
        if (alert.withdrawal || isExpired(alert)) {
            return false;
        }
        if (isAddressed(alert) && !acknowledgedByMe(alert)) {
            return Date.now() > Date.parse(alert.acknowledgeBy);
        }
        return isSent(alert) && (alert.board || []).some((b) => b.state === 'OVERDUE'
            || (b.state === 'DELIVERED' && Date.now() > Date.parse(alert.acknowledgeBy)));
    }
    const canAcknowledge = (alert) => isAddressed(alert) && !acknowledgedByMe(alert) && !alert.withdrawal
        && !isExpired(alert);

    /** The one word that says where the alert stands for this member. */
    function standing(alert) {
        if (alert.withdrawal) {
            return 'withdrawn';
        }
        if (isExpired(alert)) {
            return 'expired';
        }
        if (isOverdue(alert)) {
            return 'overdue';
        }
        if (isAddressed(alert)) {
            return acknowledgedByMe(alert) ? 'acknowledged' : 'unacknowledged';
        }
        return 'sent';
    }

    Ewn.alerts = {me: me, memberOf: memberOf, isSent: isSent, isAddressed: isAddressed, acknowledgedByMe: acknowledgedByMe,
        isExpired: isExpired, isOverdue: isOverdue, canAcknowledge: canAcknowledge, standing: standing};

    // ---- badges shared by the list and the detail -------------------------------------------------------------------

    Ewn.badges = {
        precedence: (p) => el('span', {className: 'badge precedence p-' + p, text: p}),
        marking: (m) => el('span', {className: 'badge tlp tlp-' + m, text: Ewn.i18n.label('marking', m),
            attrs: {title: Ewn.i18n.label('marking', m)}}),
        status: (s) => s && s !== 'ACTUAL' ? el('span', {className: 'badge drill', text: Ewn.i18n.label('status', s)}) : null,
        sealed: (alert) => alert.sealed ? el('span', {className: 'badge sealed-badge', text: '🔒 ' + t('sealed'),
            attrs: {title: t('sealedTitle')}}) : null,
        standing: (alert) => {
            const word = standing(alert);
            const board = alert.board || [];
            const text = word === 'sent' && board.length ? t('sentProgress', {acknowledged: board.filter((b) =>
                b.state === 'ACKNOWLEDGED').length, addressees: board.length}) : t(word);
            return el('span', {className: 'state state-' + word, text: text});
        }
    };

    // ---- signing in and out ---------------------------------------------------------------------------------------

    async function start() {
        Ewn.i18n.apply();
        byId('language').value = Ewn.i18n.language();
        byId('timezone').textContent = t('timezone', {zone: Ewn.i18n.zone});
        Ewn.api.state.onUnauthenticated = () => {
            if (app.session) {
                signedOut(t('sessionEnded'));
            }
        };
        let session = null;
        try {
            session = await Ewn.api.currentSession();
        } catch (e) {
            byId('sign-in-error').textContent = e.message;
        }
        if (session) {
            signedIn(session);
        } else {
            showSignIn('');
        }
    }

    function showSignIn(message) {
        document.body.classList.remove('signed-in');
        byId('sign-in').hidden = false;
        ['view-inbox', 'view-cases', 'view-raise', 'view-dashboard', 'view-audit', 'tabs', 'sign-out', 'key-button',
            'notify-button',
            'escalations', 'flash-banner'].forEach((id) => { byId(id).hidden = true; });
        Ewn.watch.stop();
        Ewn.audit.clear();
        byId('who').textContent = '';
        byId('sign-in-error').textContent = message || '';
        byId('password').value = '';
        byId('username').focus();
    }

    byId('sign-in').addEventListener('submit', async (event) => {
        event.preventDefault();
        Ewn.sound.unlock();
        byId('sign-in-error').textContent = '';
        try {
            const session = await Ewn.api.signIn(byId('username').value.trim(), byId('password').value);
            signedIn(session);
        } catch (e) {
            byId('sign-in-error').textContent = e.status === 401 ? t('signInFailed') : e.message;
        }
    });

    byId('sign-out').addEventListener('click', async () => {
        try {
            await Ewn.api.signOut();
        } finally {
            signedOut('');
        }
    });

    function signedIn(session) {
        app.session = session;
        app.alerts.clear();
        app.order = [];
        app.fresh.clear();
        app.escalations = [];
        document.body.classList.add('signed-in');
        byId('sign-in').hidden = true;
        byId('tabs').hidden = false;
        byId('sign-out').hidden = false;
        // an auditor reads any member's past; only officers and supervisors work the inbox and receive it live
        const roles = session.roles || [];
        app.auditor = roles.includes('AUDITOR');
        app.officer = !app.auditor || roles.includes('OFFICER') || roles.includes('SUPERVISOR');
        document.querySelectorAll('#tabs a').forEach((a) => {
            a.hidden = a.dataset.view === 'audit' ? !app.auditor : !app.officer;
        });
        byId('connection').hidden = !app.officer;
        byId('key-button').hidden = !app.officer;
        byId('who').textContent = session.username + ' · ' + (session.memberName || session.member);
        byId('member-name').textContent = session.memberName || session.member;
        byId('notify-button').hidden = !app.officer || !('Notification' in window) || Notification.permission !== 'default';
        Ewn.keys.refresh();
        Ewn.watch.start();
        if (app.officer) {
            Ewn.cases.signedIn();
        }
        route();
        if (!app.officer) {
            return;
        }
        Ewn.live.connect(session, {
            onMessage: received,
            onEscalation: escalated,
            onState: connectionState,
            loadInbox: async () => {
                await loadInbox();
                return app.alerts.size ? Math.max(...Array.from(app.alerts.values(), (a) => a.position)) : -1;
            },
            onTooOld: () => {},
            // the hub closes live connections when the session ends: if that is why, show the sign-in form
            onClosed: () => Ewn.api.get('api/v1/session').catch(() => {})
        });
        Ewn.live.connectCases({
            onCase: (message) => Ewn.cases.changed(message.caseId),
            onLive: (live) => Ewn.cases.setLive(live)
        });
    }

    function signedOut(message) {
        Ewn.live.disconnect();
        connectionState('offline');
        app.session = null;
        if (location.hash && location.hash !== '#/inbox') {
            history.replaceState(null, '', '#/inbox');
        }
        showSignIn(message);
    }

    function connectionState(state, reason) {
        const indicator = byId('connection');
        indicator.className = 'connection ' + state;
        byId('connection-text').textContent = t(state);
        indicator.title = reason || '';
    }

    // ---- the inbox ------------------------------------------------------------------------------------------------

    function filters() {
        const query = new URLSearchParams();
        ['box', 'state', 'precedence', 'category', 'status', 'marking'].forEach((name) => {
            const value = byId('filter-' + name).value;
            if (value) {
                query.set(name, value);
            }
        });
        const q = byId('filter-q').value.trim();
        if (q) {
            query.set('q', q);
        }
        return query;
    }

    let loading = 0;
    async function loadInbox() {
        if (!app.session) {
            return;
        }
        const ticket = ++loading;
        const query = filters();
        query.set('page', String(app.page));
        query.set('size', String(PAGE_SIZE));
        try {
            const page = await Ewn.api.get('api/v1/inbox?' + query);
            if (ticket !== loading) {
                return;
            }
            page.alerts.forEach((alert) => merge(alert));
            app.order = page.alerts.map((a) => a.alertId);
            app.total = page.total;
            renderList();
        } catch (e) {
            if (e.status !== 401) {
                toast(e.title + (e.detail ? ': ' + e.detail : ''), true);
            }
        }
    }

    /** The inbox's view of an alert and what came live may each know more: keep the union. */
    function merge(alert) {
        const known = app.alerts.get(alert.alertId);
        if (!known) {
            app.alerts.set(alert.alertId, alert);
            return alert;
        }
        (alert.acknowledgements || []).forEach((a) => addAcknowledgement(known, a));
        known.withdrawal = known.withdrawal || alert.withdrawal;
        if (alert.board && alert.board.length) {
            known.board = alert.board.map((b) => {
                const mine = (known.board || []).find((k) => k.member === b.member);
                return mine && mine.state === 'ACKNOWLEDGED' ? mine : b;
            });
        }
        if (!known.followUp || known.text === alert.text) {
            known.text = alert.text;
        }
        return known;
    }

    function addAcknowledgement(alert, acknowledgement) {
        alert.acknowledgements = alert.acknowledgements || [];
        if (!alert.acknowledgements.some((a) => a.member === acknowledgement.member)) {
            alert.acknowledgements.push(acknowledgement);
        }
        (alert.board || []).forEach((b) => {
            if (b.member === acknowledgement.member) {
                b.state = 'ACKNOWLEDGED';
                b.acknowledgedAt = acknowledgement.acknowledgedAt;
            }
        });
    }

    /** Whether a live alert belongs in the list as filtered now (the state filter: a new alert is unacknowledged). */
    function matches(alert) {
        const f = filters();
        const details = alert.details || {};
        const q = (f.get('q') || '').toLowerCase();
        const inBox = f.get('box') === 'SENT' ? isSent(alert) : isAddressed(alert);
        return inBox && (!f.get('precedence') || f.get('precedence') === alert.precedence)
            && (!f.get('category') || f.get('category') === alert.category)
            && (!f.get('status') || f.get('status') === details.status)
            && (!f.get('marking') || f.get('marking') === details.marking)
            && (!f.get('state') || f.get('state') === 'UNACKNOWLEDGED')
            && (!q || (alert.title + ' ' + alert.text).toLowerCase().includes(q));
    }

    // ---- live -----------------------------------------------------------------------------------------------------

    /** Applying a message twice changes nothing, so catch-up, the inbox and live messages may overlap. */
    function received(message) {
        if (message.kind === 'raised') {
            const isNew = !app.alerts.has(message.alertId);
            const alert = merge(Object.assign({}, message, {acknowledgements: message.acknowledgements || [],
                board: message.board && message.board.length ? message.board : (isSent(message)
                    ? message.addressees.map((m) => ({member: m, state: 'DELIVERED', acknowledgedAt: null})) : [])}));
            if (isNew && app.page === 0 && matches(alert)) {
                app.order = [alert.alertId].concat(app.order.filter((id) => id !== alert.alertId));
                app.total += 1;
                app.fresh.add(alert.alertId);
                renderList();
            }
            if (isNew && isAddressed(alert) && !isSent(alert)) {
                announce(alert);
            }
        } else {
            const alert = app.alerts.get(message.alertId);
            if (alert) {
                applyStep(alert, message);
                renderList();
            }
        }
        Ewn.detail.changed(message.alertId);
        // every message is an event the log took in: a good moment to see that its head still extends ours
        Ewn.watch.nudge();
    }

    function applyStep(alert, message) {
        switch (message.kind) {
            case 'acknowledged':
                addAcknowledgement(alert, {member: message.member, agency: message.agency,
                    acknowledgedAt: message.acknowledgedAt});
                break;
            case 'withdrawn':
                alert.withdrawal = {agency: message.agency, reason: message.reason, withdrawnAt: message.withdrawnAt};
                break;
            case 'followedUp':
                if (!alert.followUp || alert.followUp.number < message.number) {
                    alert.followUp = message;
                    alert.text = message.text;
                }
                break;
            case 'escalated':
                (alert.board || []).forEach((b) => {
                    if (b.member === message.member && b.state !== 'ACKNOWLEDGED') {
                        b.state = 'OVERDUE';
                    }
                });
                break;
            default:
                break;
        }
    }

    function announce(alert) {
        if (alert.precedence !== 'FLASH' && alert.precedence !== 'IMMEDIATE') {
            return;
        }
        Ewn.sound.beep(alert.precedence === 'FLASH' ? 3 : 1);
        const text = t(alert.precedence === 'FLASH' ? 'flashArrived' : 'immediateArrived', {title: alert.title});
        if (alert.precedence === 'FLASH') {
            const banner = byId('flash-banner');
            banner.replaceChildren(el('span', {className: 'badge precedence p-FLASH', text: 'FLASH'}),
                el('span', {className: 'banner-text', text: alert.title}),
                el('a', {className: 'button primary small', text: t('open'), attrs: {href: '#/alerts/' + alert.alertId}}),
                el('button', {className: 'ghost small', text: t('dismiss'), attrs: {type: 'button'},
                    on: {click: () => { banner.hidden = true; }}}));
            banner.dataset.alertId = alert.alertId;
            banner.hidden = false;
        }
        if ('Notification' in window && Notification.permission === 'granted' && document.hidden) {
            const notification = new Notification(text, {body: alert.originator + ' · '
                + Ewn.i18n.label('category', alert.category), tag: alert.alertId, requireInteraction: alert.precedence === 'FLASH'});
            notification.onclick = () => {
                window.focus();
                location.hash = '#/alerts/' + alert.alertId;
            };
        }
    }

    function escalated(notice) {
        if (app.escalations.some((e) => e.position === notice.position)) {
            return;
        }
        app.escalations.unshift(notice);
        Ewn.sound.beep(2);
        renderEscalations();
    }

    function renderEscalations() {
        const box = byId('escalations');
        box.hidden = app.escalations.length === 0;
        byId('escalation-list').replaceChildren(...app.escalations.map((notice) => el('li', {},
            Ewn.badges.precedence(notice.precedence),
            el('span', {text: t('escalationNotice', {member: notice.member, title: notice.title,
                precedence: notice.precedence, deadline: Ewn.i18n.dateTime(notice.deadline)})}),
            el('a', {className: 'button small', text: t('open'), attrs: {href: '#/alerts/' + notice.alertId}}),
            el('button', {className: 'ghost small', text: t('dismiss'), attrs: {type: 'button'}, on: {click: () => {
                app.escalations = app.escalations.filter((e) => e !== notice);
                renderEscalations();
            }}}))));
    }

    // ---- the list -------------------------------------------------------------------------------------------------

    function renderList() {
        const list = byId('alert-list');
        const focusedId = document.activeElement && document.activeElement.dataset
            ? document.activeElement.dataset.alertId : null;
        list.replaceChildren(...app.order.map((id) => item(app.alerts.get(id))));
        byId('empty').hidden = app.order.length > 0;
        const pages = Math.max(1, Math.ceil(app.total / PAGE_SIZE));
        byId('page-info').textContent = t('pageInfo', {page: app.page + 1, pages: pages, total: app.total});
        byId('inbox-count').textContent = '';
        byId('page-prev').disabled = app.page === 0;
        byId('page-next').disabled = app.page + 1 >= pages;
        if (focusedId) {
            const again = list.querySelector('[data-alert-id="' + CSS.escape(focusedId) + '"]');
            if (again) {
                again.focus();
            }
        }
    }

    function item(alert) {
        const details = alert.details || {};
        const word = standing(alert);
        const classes = ['alert-item', 'p-' + alert.precedence, 'is-' + word];
        if (app.fresh.has(alert.alertId)) {
            classes.push('fresh');
        }
        if (app.selected === alert.alertId) {
            classes.push('selected');
        }
        if (details.status && details.status !== 'ACTUAL') {
            classes.push('is-drill');
        }
        const open = () => { location.hash = '#/alerts/' + alert.alertId; };
        return el('li', {className: classes.join(' '), dataset: {alertId: alert.alertId},
            attrs: {tabindex: 0, role: 'button', 'aria-current': app.selected === alert.alertId ? 'true' : null,
                'aria-label': alert.precedence + ', ' + alert.title + ', ' + t(word)},
            on: {click: open, keydown: (e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    open();
                }
            }}},
        el('div', {className: 'line1'}, Ewn.badges.precedence(alert.precedence), Ewn.badges.marking(details.marking),
            Ewn.badges.status(details.status), Ewn.badges.sealed(alert),
            app.fresh.has(alert.alertId) ? el('span', {className: 'badge fresh-badge', text: t('newAlert')}) : null,
            el('span', {className: 'title', text: alert.title})),
        el('div', {className: 'line2'},
            el('span', {className: 'origin', text: isSent(alert) ? t('sent') + ' → ' + alert.addressees.join(', ')
                : alert.originator}),
            el('span', {className: 'category', text: Ewn.i18n.label('category', alert.category)}),
            el('time', {text: Ewn.i18n.dateTime(alert.raisedAt), attrs: {datetime: alert.raisedAt}}),
            Ewn.badges.standing(alert)));
    }

    function move(step) {
        const items = Array.from(byId('alert-list').children);
        if (!items.length) {
            return;
        }
        const at = items.indexOf(document.activeElement);
        const next = items[Math.min(items.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
        next.focus();
    }

    // ---- filters and paging -----------------------------------------------------------------------------------------

    let searchTimer = null;
    byId('filters').addEventListener('change', () => { app.page = 0; loadInbox(); });
    byId('filters').addEventListener('submit', (e) => { e.preventDefault(); app.page = 0; loadInbox(); });
    byId('filter-q').addEventListener('input', () => {
        clearTimeout(searchTimer);
        searchTimer = setTimeout(() => { app.page = 0; loadInbox(); }, 300);
    });
    byId('filters-clear').addEventListener('click', () => {
        byId('filters').querySelectorAll('select:not(#filter-box)').forEach((s) => { s.value = ''; });
        byId('filter-q').value = '';
        app.page = 0;
        loadInbox();
    });
    byId('page-prev').addEventListener('click', () => { app.page = Math.max(0, app.page - 1); loadInbox(); });
    byId('page-next').addEventListener('click', () => { app.page += 1; loadInbox(); });

    // ---- routes ---------------------------------------------------------------------------------------------------

    const VIEWS = ['inbox', 'cases', 'raise', 'dashboard', 'audit'];

    function route() {
        if (!app.session) {
            return;
        }
        const home = app.officer ? 'inbox' : 'audit';
        const hash = location.hash || '#/' + home;
        const alertMatch = app.officer ? /^#\/alerts\/([0-9a-fA-F-]{36})$/.exec(hash) : null;
        const caseMatch = app.officer ? /^#\/cases\/(referrals|transfers)\/([0-9a-fA-F-]{36})$/.exec(hash) : null;
        const view = alertMatch ? 'inbox' : caseMatch ? 'cases' : (hash.substring(2).split('?')[0] || home);
        const allowed = view === 'audit' ? app.auditor : app.officer;
        const known = allowed && VIEWS.includes(view) ? view : home;
        VIEWS.forEach((name) => { byId('view-' + name).hidden = name !== known; });
        document.querySelectorAll('#tabs a').forEach((a) => a.setAttribute('aria-current',
            a.dataset.view === known ? 'page' : 'false'));
        if (known === 'cases') {
            document.body.classList.toggle('detail-open', Boolean(caseMatch));
            Ewn.cases.route(caseMatch ? caseMatch[1] : null, caseMatch ? caseMatch[2] : null);
        } else if (alertMatch) {
            app.selected = alertMatch[1];
            app.fresh.delete(app.selected);
            document.body.classList.add('detail-open');
            if (byId('flash-banner').dataset.alertId === app.selected) {
                byId('flash-banner').hidden = true;
            }
            Ewn.detail.show(app.selected);
            renderList();
        } else {
            document.body.classList.remove('detail-open');
            if (known === 'inbox' && app.selected) {
                const previous = app.selected;
                app.selected = null;
                Ewn.detail.clear();
                renderList();
                const again = byId('alert-list').querySelector('[data-alert-id="' + CSS.escape(previous) + '"]');
                if (again) {
                    again.focus();
                }
            }
        }
        if (known === 'raise') {
            Ewn.raise.show();
        } else if (known === 'dashboard') {
            Ewn.dashboard.show();
        } else if (known === 'audit') {
            Ewn.audit.show(hash);
        }
    }
    window.addEventListener('hashchange', route);

    // ---- the keyboard ---------------------------------------------------------------------------------------------

    document.addEventListener('keydown', (e) => {
        Ewn.sound.unlock();
        if (!app.session || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]')) {
            return;
        }
        const typing = e.target.closest && e.target.closest('input, textarea, select, [contenteditable]');
        if (typing) {
            if (e.key === 'Escape' && e.target.id === 'filter-q') {
                e.target.blur();
            }
            return;
        }
        const inInbox = !byId('view-inbox').hidden;
        if (e.key === '/' && inInbox) {
            e.preventDefault();
            byId('filter-q').focus();
        } else if ((e.key === 'j' || e.key === 'ArrowDown') && inInbox && !e.target.closest('.detail-pane')) {
            e.preventDefault();
            move(1);
        } else if ((e.key === 'k' || e.key === 'ArrowUp') && inInbox && !e.target.closest('.detail-pane')) {
            e.preventDefault();
            move(-1);
        } else if (e.key === 'a' && inInbox && app.selected) {
            e.preventDefault();
            Ewn.detail.acknowledge();
        } else if (e.key === 'Escape' && !byId('view-cases').hidden && Ewn.cases.selected()) {
            location.hash = '#/cases';
        } else if (e.key === 'Escape' && app.selected) {
            location.hash = '#/inbox';
        }
    });
    document.addEventListener('pointerdown', () => Ewn.sound.unlock());

    // ---- header tools -----------------------------------------------------------------------------------------------

    byId('language').addEventListener('change', (e) => Ewn.i18n.setLanguage(e.target.value));
    Ewn.i18n.onChange(() => {
        byId('timezone').textContent = t('timezone', {zone: Ewn.i18n.zone});
        const state = byId('connection').className.replace('connection ', '');
        byId('connection-text').textContent = t(state);
        Ewn.watch.render();
        if (app.session) {
            renderList();
            renderEscalations();
            Ewn.keys.refresh();
            Ewn.detail.rerender();
            Ewn.cases.rerender();
        }
    });

    byId('notify-button').addEventListener('click', async () => {
        await Notification.requestPermission();
        byId('notify-button').hidden = Notification.permission !== 'default';
    });

    function toast(message, error) {
        const box = byId('toast');
        box.textContent = message;
        box.className = 'toast' + (error ? ' error' : '');
        box.hidden = false;
        clearTimeout(toast.timer);
        toast.timer = setTimeout(() => { box.hidden = true; }, error ? 8000 : 4000);
    }
    Ewn.toast = toast;

    // overdue is a matter of the clock too
    setInterval(() => { if (app.session) { renderList(); } }, 30000);
    window.addEventListener('online', () => { if (app.session) { loadInbox(); } });

    Ewn.inbox = {reload: loadInbox, received: received, merge: merge};

    // ---- the sound: a beep made by WebAudio, allowed once the officer has touched the page -------------------------

    Ewn.sound = (function () {
        let context = null;
        return {
            unlock: () => {
                if (!context && window.AudioContext) {
                    context = new AudioContext();
                }
                if (context && context.state === 'suspended') {
                    context.resume();
                }
            },
            beep: (times) => {
                if (!context) {
                    return;
                }
                for (let i = 0; i < times; i++) {
                    const start = context.currentTime + i * 0.22;
                    const oscillator = context.createOscillator();
                    const gain = context.createGain();
                    oscillator.type = 'sine';
                    oscillator.frequency.value = 880;
                    gain.gain.setValueAtTime(0.0001, start);
                    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
                    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.16);
                    oscillator.connect(gain).connect(context.destination);
                    oscillator.start(start);
                    oscillator.stop(start + 0.18);
                }
            }
        };
    })();

    start();
})(window.Ewn = window.Ewn || {});
