// The member's cases beside its inbox: referrals received and sent, and case transfers, each list paged and filtered
// by status, kept current by the live case queue when the hub offers it and by a slow reload when it does not.
(function (Ewn) {
    'use strict';

    const el = Ewn.el;
    const byId = Ewn.byId;
    const t = Ewn.t;
    const PAGE_SIZE = 25;
    const RELOAD_WITHOUT_PUSH_MS = 30000;

    const state = {
        page: 0,
        total: 0,
        items: [],
        selected: null,     // the id of the case shown
        live: false         // whether the hub pushes case changes to this tab
    };

    const box = () => byId('case-box').value || 'RECEIVED';
    const isTransfers = () => box() === 'TRANSFERS';
    const visible = () => !byId('view-cases').hidden;

    // ---- the list -------------------------------------------------------------------------------------------------

    let loading = 0;
    async function load() {
        if (!Ewn.api.state.session) {
            return;
        }
        const ticket = ++loading;
        const query = new URLSearchParams({page: String(state.page), size: String(PAGE_SIZE)});
        if (!isTransfers()) {
            query.set('box', box());
        }
        if (byId('case-status').value) {
            query.set('status', byId('case-status').value);
        }
        try {
            const page = await Ewn.api.get((isTransfers() ? 'api/v1/transfers?' : 'api/v1/referrals?') + query);
            if (ticket !== loading) {
                return;
            }
            state.items = (isTransfers() ? page.items : page.referrals) || [];
            state.total = page.total;
            render();
        } catch (e) {
            if (e.status !== 401 && ticket === loading) {
                Ewn.toast(e.title + (e.detail ? ': ' + e.detail : ''), true);
            }
        }
    }

    function render() {
        const list = byId('case-list');
        list.replaceChildren(...state.items.map((item) => isTransfers() ? transferItem(item) : referralItem(item)));
        byId('cases-empty').hidden = state.items.length > 0;
        const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
        byId('cases-page-info').textContent = t('casesPageInfo', {page: state.page + 1, pages: pages,
            total: state.total});
        byId('cases-prev').disabled = state.page === 0;
        byId('cases-next').disabled = state.page + 1 >= pages;
    }

    function item(id, route, label, line1, line2) {
        const open = () => { location.hash = route; };
        return el('li', {className: 'alert-item case-item' + (state.selected === id ? ' selected' : ''),
            dataset: {caseId: id}, attrs: {tabindex: 0, role: 'button', 'aria-label': label,
                'aria-current': state.selected === id ? 'true' : null},
            on: {click: open, keydown: (e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    open();
                }
            }}},
        el('div', {className: 'line1'}, ...line1),
        el('div', {className: 'line2'}, ...line2));
    }

    function referralItem(r) {
        const title = Ewn.referrals.title(r);
        return item(r.referralId, '#/cases/referrals/' + r.referralId, title, [
            el('span', {className: 'badge urgency u-' + r.urgency, text: Ewn.i18n.label('urgency', r.urgency)}),
            el('span', {className: 'title', text: title})], [
            el('span', {className: 'category', text: Ewn.referrals.services(r)}),
            el('time', {text: Ewn.i18n.dateTime(r.updatedAt || r.submittedAt), attrs: {datetime: r.submittedAt}}),
            Ewn.referrals.chip(r)]);
    }

    function transferItem(tr) {
        const title = Ewn.transfers.title(tr);
        return item(tr.transferId, '#/cases/transfers/' + tr.transferId, title, [
            el('span', {className: 'title', text: title})], [
            el('span', {className: 'category', text: Ewn.i18n.label('origin', tr.origin)}),
            el('time', {text: Ewn.i18n.dateTime(tr.openedAt), attrs: {datetime: tr.openedAt}}),
            tr.readOnly ? el('span', {className: 'badge read-only-badge', text: t('readOnly')}) : null,
            Ewn.transfers.chip(tr)]);
    }

    /** The status filter offers the statuses of what the list shows. */
    function fitStatusFilter() {
        const select = byId('case-status');
        const kind = isTransfers() ? 'transferStatus' : 'referralStatus';
        if (select.dataset.enum !== kind) {
            select.dataset.enum = kind;
            select.value = '';
            Ewn.i18n.apply(byId('case-filters'));
        }
    }

    byId('case-filters').addEventListener('change', (e) => {
        if (e.target.id === 'case-box') {
            fitStatusFilter();
        }
        state.page = 0;
        load();
    });
    byId('case-filters').addEventListener('submit', (e) => e.preventDefault());
    byId('cases-prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); load(); });
    byId('cases-next').addEventListener('click', () => { state.page += 1; load(); });

    // ---- the view and its routes ------------------------------------------------------------------------------------

    /** #/cases, or #/cases/referrals/{id} and #/cases/transfers/{id} with that case open. */
    function route(kind, caseId) {
        byId('cases-member-name').textContent = Ewn.api.state.session.memberName || Ewn.api.state.session.member;
        const previous = state.selected;
        state.selected = caseId || null;
        if (caseId) {
            // a case opened from elsewhere shows in its own list
            const wanted = kind === 'transfers' ? 'TRANSFERS' : null;
            if ((wanted && box() !== wanted) || (!wanted && isTransfers())) {
                byId('case-box').value = wanted || 'RECEIVED';
                fitStatusFilter();
                state.page = 0;
            }
            Ewn.caseDetail.show(kind, caseId);
        } else if (previous) {
            Ewn.caseDetail.clear();
        }
        load();
    }

    let reloadTimer = null;
    /** A case changed (pushed live, or a step taken here): reload the list, and the case if it is the one shown. */
    function changed(caseId) {
        Ewn.caseDetail.changed(caseId);
        if (visible()) {
            clearTimeout(reloadTimer);
            reloadTimer = setTimeout(load, 200);
        }
    }

    function signedIn() {
        state.page = 0;
        state.selected = null;
        state.items = [];
        byId('case-box').value = 'RECEIVED';
        fitStatusFilter();
        Ewn.caseDetail.clear();
    }

    // without the push, an open list still catches up now and then
    setInterval(() => {
        if (!state.live && Ewn.api.state.session && visible()) {
            load();
            Ewn.caseDetail.changed(null);
        }
    }, RELOAD_WITHOUT_PUSH_MS);

    Ewn.cases = {route: route, reload: load, changed: changed, signedIn: signedIn, rerender: () => {
        render();
        Ewn.caseDetail.rerender();
    }, setLive: (live) => { state.live = live; }, selected: () => state.selected};
})(window.Ewn = window.Ewn || {});
