// The liaison officer's console: the member's inbox, and every alert event live over STOMP.
// Everything from the network is inserted as text, never as HTML.
(function () {
    'use strict';

    const byId = (id) => document.getElementById(id);
    const QUEUE = '/user/queue/alerts';
    const alerts = new Map(); // alertId -> {alert, row}
    let client = null;

    byId('sign-in').addEventListener('submit', async (event) => {
        event.preventDefault();
        const username = byId('username').value.trim();
        const password = byId('password').value;
        byId('sign-in-error').textContent = '';
        const response = await fetchInbox(username, password);
        if (!response.ok) {
            const problem = await response.json().catch(() => ({}));
            byId('sign-in-error').textContent = problem.detail || ('Sign-in failed (' + response.status + ')');
            return;
        }
        byId('sign-in').hidden = true;
        byId('inbox').hidden = false;
        byId('member').textContent = username.split('-')[0].toUpperCase();
        showInbox(await response.json(), false);
        connect(username, password);
    });

    function fetchInbox(username, password) {
        return fetch('api/v1/inbox?size=200', {
            headers: {'Authorization': 'Basic ' + btoa(username + ':' + password)}
        });
    }

    function showInbox(page, live) {
        page.alerts.slice().reverse().forEach((alert) => {
            const known = alerts.get(alert.alertId);
            if (known) {
                // the inbox may know more of the alert than was pushed to this page, or less: keep both
                alert.acknowledgements.forEach((a) => acknowledge(known.alert, a));
                known.alert.withdrawal = known.alert.withdrawal || alert.withdrawal;
                render(known);
            } else {
                raised(alert, live);
            }
        });
    }

    // The position of the last event pushed to this tab, kept across reloads and reconnects: the server sends
    // everything after it that was missed, in order, before live events.
    function lastPosition(username) {
        const key = 'ewn.last-position.' + username;
        return {
            get: () => sessionStorage.getItem(key),
            set: (position) => sessionStorage.setItem(key, String(position)),
            clear: () => sessionStorage.removeItem(key)
        };
    }

    function connect(username, password) {
        const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
        const seen = lastPosition(username);
        client = new StompJs.Client({
            brokerURL: url,
            connectHeaders: {login: username, passcode: password},
            reconnectDelay: 2000,
            onConnect: async () => {
                setConnection(true);
                byId('sign-in-error').textContent = '';
                const from = seen.get();
                client.subscribe(QUEUE, (message) => {
                    const pushed = JSON.parse(message.body);
                    apply(pushed);
                    seen.set(pushed.position);
                }, from === null ? {} : {'last-position': from});
                if (from === null) {
                    // nothing pushed to this tab yet: what came between the first load and now is in the inbox
                    const response = await fetchInbox(username, password);
                    if (response.ok) {
                        showInbox(await response.json(), true);
                    }
                }
            },
            onWebSocketClose: () => setConnection(false),
            onStompError: (frame) => {
                setConnection(false);
                const reason = frame.headers.message || 'Live connection refused';
                if (reason.startsWith('last-position')) {
                    // too far behind to catch up: the next connection reloads the inbox instead
                    seen.clear();
                }
                byId('sign-in-error').textContent = reason;
            }
        });
        client.activate();
    }

    function setConnection(online) {
        const indicator = byId('connection');
        indicator.textContent = online ? 'live' : 'offline';
        indicator.className = online ? 'online' : 'offline';
    }

    // Applying a message twice changes nothing, so the inbox and the push may overlap.
    function apply(message) {
        if (message.kind === 'raised') {
            raised(message, true);
            return;
        }
        const known = alerts.get(message.alertId);
        if (!known) {
            return; // older than the inbox page shows
        }
        const alert = known.alert;
        switch (message.kind) {
            case 'acknowledged':
                acknowledge(alert, {member: message.member, agency: message.agency,
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
            default:
                alert.steps = (alert.steps || []).filter((step) => step.position !== message.position);
                alert.steps.push(message);
        }
        render(known);
        known.row.classList.remove('updated');
        void known.row.offsetWidth; // restarts the highlight
        known.row.classList.add('updated');
    }

    function acknowledge(alert, acknowledgement) {
        if (!alert.acknowledgements.some((a) => a.member === acknowledgement.member)) {
            alert.acknowledgements.push(acknowledgement);
        }
    }

    function raised(alert, live) {
        if (alerts.has(alert.alertId)) {
            return;
        }
        const known = {alert: alert, row: document.createElement('tr')};
        alerts.set(alert.alertId, known);
        byId('empty').hidden = true;
        known.row.dataset.alertId = alert.alertId;
        if (live) {
            known.row.classList.add('new');
        }
        render(known);
        byId('alerts').prepend(known.row);
    }

    function render(known) {
        const alert = known.alert;
        const row = known.row;
        row.replaceChildren();
        row.classList.toggle('withdrawn', Boolean(alert.withdrawal));
        const precedence = document.createElement('span');
        precedence.className = 'precedence-' + alert.precedence;
        precedence.textContent = alert.precedence;
        [String(alert.position), precedence, alert.category, alert.title, alert.originator,
            new Date(alert.raisedAt).toLocaleString(), status(alert)].forEach((value) => {
            const cell = document.createElement('td');
            if (value instanceof Node) {
                cell.appendChild(value);
            } else {
                cell.textContent = value;
            }
            row.appendChild(cell);
        });
    }

    function status(alert) {
        const lines = [];
        if (alert.withdrawal) {
            lines.push('Withdrawn by ' + alert.withdrawal.agency + ': ' + alert.withdrawal.reason);
        }
        if (alert.followUp) {
            lines.push('Follow-up ' + alert.followUp.number + ': ' + alert.followUp.text);
        }
        (alert.acknowledgements || []).forEach((a) => lines.push('Acknowledged by ' + a.member + ' (' + a.agency + ')'));
        (alert.steps || []).forEach((step) => lines.push(describe(step)));
        const list = document.createElement('ul');
        list.className = 'status';
        lines.forEach((line) => {
            const item = document.createElement('li');
            item.textContent = line;
            list.appendChild(item);
        });
        return list;
    }

    function describe(step) {
        switch (step.kind) {
            case 'sharingRequested':
                return step.member + ' asks to share it with ' + step.recipients + ' (' + step.purpose + ')';
            case 'sharingDecided':
                return 'Sharing ' + (step.granted ? 'granted' : 'refused') + ' to ' + step.requester
                    + (step.reason ? ': ' + step.reason : '');
            case 'escalated':
                return 'Escalated: ' + step.member + ' had not acknowledged by ' + new Date(step.deadline).toLocaleString();
            default:
                return step.kind;
        }
    }
})();
