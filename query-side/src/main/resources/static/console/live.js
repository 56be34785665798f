// Live push over STOMP: the officer's alert queue (and a supervisor's escalations), reconnecting on its own and
// catching up from the last position this tab saw, which sessionStorage keeps across reloads; and, beside it, the
// queue of case status changes, which the console can do without.
(function (Ewn) {
    'use strict';

    const ALERTS = '/user/queue/alerts';
    const ESCALATIONS = '/user/queue/escalations';
    const CASES = '/user/queue/cases';

    let client = null;
    let casesClient = null;

    function brokerUrl() {
        return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host
            + location.pathname.replace(/[^/]*$/, '') + 'ws';
    }

    function lastPosition(username) {
        const key = 'ewn.last-position.' + username;
        return {
            get: () => sessionStorage.getItem(key),
            set: (position) => {
                const known = Number(sessionStorage.getItem(key));
                if (sessionStorage.getItem(key) === null || position > known) {
                    sessionStorage.setItem(key, String(position));
                }
            },
            clear: () => sessionStorage.removeItem(key)
        };
    }

    /**
     * handlers: onMessage(message), onEscalation(notice), onState('online'|'reconnecting'|'offline', reason),
     * onClosed() when the connection drops, loadInbox() which loads the inbox and answers the newest position it holds (-1 for none), and onTooOld() when
     * the hub cannot replay that far back.
     *
     * Nothing falls between the inbox and the push: a tab that has seen no message yet loads the inbox first and then
     * subscribes from the newest position in it, so that whatever happened after that read is replayed; a tab that
     * has seen messages subscribes from the last one and then reloads the inbox.
     */
    function connect(session, handlers) {
        disconnect();
        const seen = lastPosition(session.username);
        const url = brokerUrl();
        let refused = null;
        let catchUp = true;     // false after the hub said the inbox is too far behind for a replay
        const stomp = new StompJs.Client({
            brokerURL: url,
            reconnectDelay: 2000,
            heartbeatIncoming: 10000,
            heartbeatOutgoing: 10000,
            beforeConnect: () => {
                // the session cookie goes with the handshake; the CSRF token, which may have changed since the last
                // connection, in the CONNECT frame
                stomp.connectHeaders = {'X-XSRF-TOKEN': Ewn.api.csrfToken() || ''};
            },
            onConnect: async () => {
                refused = null;
                const seenBefore = seen.get();
                let from = seenBefore;
                if (from === null && catchUp) {
                    from = String(await handlers.loadInbox());
                }
                if (!stomp.connected) {
                    return;
                }
                stomp.subscribe(ALERTS, (frame) => {
                    const message = JSON.parse(frame.body);
                    handlers.onMessage(message);
                    seen.set(message.position);
                }, from === null ? {} : {'last-position': from});
                if (session.roles.includes('SUPERVISOR')) {
                    stomp.subscribe(ESCALATIONS, (frame) => handlers.onEscalation(JSON.parse(frame.body)));
                }
                handlers.onState('online');
                if (seenBefore !== null || !catchUp) {
                    handlers.loadInbox();
                }
            },
            onStompError: (frame) => {
                refused = frame.headers.message || 'refused';
                if (refused.startsWith('last-position')) {
                    // too far behind to catch up: start afresh from the inbox, and new events only
                    seen.clear();
                    catchUp = false;
                    handlers.onTooOld();
                }
            },
            onWebSocketClose: () => {
                if (client === stomp && stomp.active) {
                    handlers.onState('reconnecting', refused);
                    handlers.onClosed();
                }
            }
        });
        client = stomp;
        handlers.onState('reconnecting');
        stomp.activate();
    }

    /**
     * Case status changes (referrals and transfers) on a connection of their own, so that a hub which refuses or
     * lacks the queue ends that connection only and the alerts keep coming. handlers: onCase(message), where only
     * message.caseId is relied on, and onLive(true|false) as the queue becomes available or not. A refusal is final
     * for this sign-in; a dropped connection is tried again.
     */
    function connectCases(handlers) {
        disconnectCases();
        const stomp = new StompJs.Client({
            brokerURL: brokerUrl(),
            reconnectDelay: 5000,
            heartbeatIncoming: 10000,
            heartbeatOutgoing: 10000,
            beforeConnect: () => {
                stomp.connectHeaders = {'X-XSRF-TOKEN': Ewn.api.csrfToken() || ''};
            },
            onConnect: () => {
                stomp.subscribe(CASES, (frame) => {
                    let message = {};
                    try {
                        message = JSON.parse(frame.body) || {};
                    } catch (e) {
                        // an unreadable message still says that something changed
                    }
                    handlers.onCase(message);
                });
                handlers.onLive(true);
                // whatever changed while this connection was down
                handlers.onCase({});
            },
            onStompError: () => {
                if (casesClient === stomp) {
                    casesClient = null;
                    stomp.deactivate();
                    handlers.onLive(false);
                }
            },
            onWebSocketClose: () => {
                if (casesClient === stomp) {
                    handlers.onLive(false);
                }
            }
        });
        casesClient = stomp;
        stomp.activate();
    }

    function disconnectCases() {
        if (casesClient) {
            const old = casesClient;
            casesClient = null;
            old.deactivate();
        }
    }

    function disconnect() {
        disconnectCases();
        if (client) {
            const old = client;
            client = null;
            old.deactivate();
        }
    }

    Ewn.live = {connect: connect, connectCases: connectCases, disconnect: disconnect, lastPosition: lastPosition};
})(window.Ewn = window.Ewn || {});
