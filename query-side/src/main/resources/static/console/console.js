// The liaison officer's console: the member's inbox, and new alerts live over STOMP.
// Everything from the network is inserted as text, never as HTML.
(function () {
    'use strict';

    const byId = (id) => document.getElementById(id);
    const shown = new Set();
    let client = null;

    byId('sign-in').addEventListener('submit', async (event) => {
        event.preventDefault();
        const username = byId('username').value.trim();
        const password = byId('password').value;
        byId('sign-in-error').textContent = '';
        const response = await fetch('api/v1/inbox?size=200', {
            headers: {'Authorization': 'Basic ' + btoa(username + ':' + password)}
        });
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

    function showInbox(page, live) {
        page.alerts.slice().reverse().forEach((alert) => show(alert, live));
    }

    // after a reconnect, what arrived while offline is in the inbox
    async function catchUp(username, password) {
        const response = await fetch('api/v1/inbox?size=200', {
            headers: {'Authorization': 'Basic ' + btoa(username + ':' + password)}
        });
        if (response.ok) {
            showInbox(await response.json(), true);
        }
    }

    function connect(username, password) {
        const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
        client = new StompJs.Client({
            brokerURL: url,
            connectHeaders: {login: username, passcode: password},
            reconnectDelay: 2000,
            onConnect: () => {
                setConnection(true);
                client.subscribe('/user/queue/alerts', (message) => show(JSON.parse(message.body), true));
                catchUp(username, password);
            },
            onWebSocketClose: () => setConnection(false),
            onStompError: (frame) => {
                setConnection(false);
                byId('sign-in-error').textContent = frame.headers.message || 'Live connection refused';
            }
        });
        client.activate();
    }

    function setConnection(online) {
        const indicator = byId('connection');
        indicator.textContent = online ? 'live' : 'offline';
        indicator.className = online ? 'online' : 'offline';
    }

    function show(alert, live) {
        if (shown.has(alert.alertId)) {
            return;
        }
        shown.add(alert.alertId);
        byId('empty').hidden = true;
        const row = document.createElement('tr');
        row.dataset.alertId = alert.alertId;
        if (live) {
            row.className = 'new';
        }
        const precedence = document.createElement('span');
        precedence.className = 'precedence-' + alert.precedence;
        precedence.textContent = alert.precedence;
        [String(alert.position), precedence, alert.category, alert.title, alert.originator,
            new Date(alert.raisedAt).toLocaleString()].forEach((value) => {
            const cell = document.createElement('td');
            if (value instanceof Node) {
                cell.appendChild(value);
            } else {
                cell.textContent = value;
            }
            row.appendChild(cell);
        });
        byId('alerts').prepend(row);
    }
})();
