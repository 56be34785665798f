// The hub's HTTP API as the console uses it: a session cookie after signing in, the CSRF token (the XSRF-TOKEN
// cookie's value) in X-XSRF-TOKEN on every unsafe request, problem+json refusals, and signed submissions.
(function (Ewn) {
    'use strict';

    const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];
    const state = {
        session: null,      // {username, agency, member, memberName, roles, timeoutSeconds}
        network: null,
        onUnauthenticated: () => {}
    };

    function csrfToken() {
        const found = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
        return found ? decodeURIComponent(found.substring('XSRF-TOKEN='.length)) : null;
    }

    /** A refusal the officer can read: the problem's title and detail. */
    class Problem extends Error {
        constructor(status, problem) {
            super(problem.detail || problem.title || ('HTTP ' + status));
            this.status = status;
            this.title = problem.title || ('HTTP ' + status);
            this.detail = problem.detail || '';
            this.type = problem.type || '';
        }
    }

    async function call(method, path, options) {
        const opts = options || {};
        // tells the hub this is the console's script, not a page: no Basic challenge (the browser's own dialog)
        const headers = {'Accept': 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest'};
        let body;
        if (opts.json !== undefined) {
            headers['Content-Type'] = 'application/json';
            body = JSON.stringify(opts.json);
        } else if (opts.body !== undefined) {
            headers['Content-Type'] = opts.contentType;
            body = opts.body;
        }
        if (UNSAFE.includes(method) && csrfToken()) {
            headers['X-XSRF-TOKEN'] = csrfToken();
        }
        let response;
        try {
            response = await fetch(path, {method: method, headers: headers, body: body, cache: 'no-store',
                credentials: 'same-origin'});
        } catch (e) {
            throw new Problem(0, {title: Ewn.t('networkError'), detail: e.message});
        }
        const text = await response.text();
        let data = null;
        if (text) {
            try {
                data = JSON.parse(text);
            } catch (e) {
                data = {detail: text.substring(0, 300)};
            }
        }
        if (response.status === 401 && !opts.expectUnauthenticated) {
            state.onUnauthenticated();
        }
        if (!response.ok) {
            throw new Problem(response.status, data || {});
        }
        return data;
    }

    const get = (path) => call('GET', path);

    // ---- the session ----------------------------------------------------------------------------------------------

    // set while this tab is signed in, so that a reload asks the hub whether the session still holds
    const SIGNED_IN = 'ewn.signed-in';

    /** The session this tab signed in with, if it is still valid; null otherwise. Sets the CSRF cookie. */
    async function currentSession(evenIfNotSignedIn) {
        if (!evenIfNotSignedIn && sessionStorage.getItem(SIGNED_IN) !== 'session') {
            return null;
        }
        try {
            state.session = await call('GET', 'api/v1/session', {expectUnauthenticated: true});
            return state.session;
        } catch (e) {
            sessionStorage.removeItem(SIGNED_IN);
            if (e.status === 401) {
                return null;
            }
            throw e;
        }
    }

    /** Fetches the CSRF cookie, then signs in: the session cookie stands for the account from then on. */
    async function signIn(username, password) {
        if (csrfToken() === null) {
            await currentSession(true);
        }
        state.session = await call('POST', 'api/v1/session', {json: {username: username, password: password},
            expectUnauthenticated: true});
        sessionStorage.setItem(SIGNED_IN, 'session');
        return state.session;
    }

    async function signOut() {
        try {
            await call('DELETE', 'api/v1/session', {expectUnauthenticated: true});
        } finally {
            sessionStorage.removeItem(SIGNED_IN);
            state.session = null;
        }
    }

    async function network() {
        if (!state.network) {
            state.network = await get('api/v1/network');
        }
        return state.network;
    }

    // ---- signed submissions ----------------------------------------------------------------------------------------

    /** The key record for the signed-in member, or throws a problem asking for it. */
    async function signingKey() {
        const record = await Ewn.jws.keyStore.get(state.session.member);
        if (!record) {
            const e = new Problem(0, {title: Ewn.t('keyMissing'), detail: Ewn.t('keyMissingDetail')});
            e.needsKey = true;
            throw e;
        }
        return record;
    }

    /**
     * Imports a PEM key for the signed-in member: the network must know the key as the signing key of one of the
     * member's agencies, which becomes the agency the console signs as.
     */
    async function loadKey(pem) {
        let imported;
        try {
            imported = await Ewn.jws.importPem(pem);
        } catch (e) {
            throw new Problem(0, {title: Ewn.t('keyUnreadable'), detail: Ewn.t('keyUnreadableDetail')});
        }
        const members = await get('api/v1/members');
        const member = members.find((m) => m.code === state.session.member);
        let agency = null;
        for (const code of (member ? member.agencies : [])) {
            const found = await get('api/v1/agencies/' + encodeURIComponent(code));
            if ((found.keys || []).some((k) => k.keyId === imported.kid && k.purpose === 'SIGNING')) {
                agency = code;
                break;
            }
        }
        if (!agency) {
            throw new Problem(0, {title: Ewn.t('keyUnknown'), detail: Ewn.t('keyUnknownDetail', {kid: imported.kid})});
        }
        const record = {member: state.session.member, agency: agency, alg: imported.alg, kid: imported.kid,
            privateKey: imported.privateKey, loadedAt: new Date().toISOString()};
        await Ewn.jws.keyStore.put(record);
        return record;
    }

    /** Signs {type, body} as the member's agency and posts it; the hub's answer (with its receipt) or a Problem. */
    async function submit(path, type, body) {
        const key = await signingKey();
        const net = await network();
        const envelope = await Ewn.jws.sign(key, Ewn.jws.payload(type, net.code, key.agency, body));
        return call('POST', path, {body: envelope, contentType: 'application/jose'});
    }

    Ewn.api = {state: state, get: get, call: call, currentSession: currentSession, signIn: signIn, signOut: signOut,
        csrfToken: csrfToken, network: network, signingKey: signingKey, loadKey: loadKey, submit: submit,
        Problem: Problem};
})(window.Ewn = window.Ewn || {});
