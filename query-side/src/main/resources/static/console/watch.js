// Watching the hub's transparency log from the console: the current tree head is checked (heads.js) after signing
// in, every minute, and when live messages come, at most once every 10 s. A line in the footer says up to where the
// log was verified, and a red banner names both heads while a failure has not been noted.
(function (Ewn) {
    'use strict';

    const PERIOD = 60000;
    const MIN_INTERVAL = 10000;
    const byId = Ewn.byId;
    const el = Ewn.el;
    const t = Ewn.t;

    let active = false;
    let network = null;
    let outcome = null;
    let last = 0;
    let timer = null;
    let period = null;
    let running = null;

    /** Checks the hub's current head now, unless a check is under way; what it found. */
    function check() {
        if (!running) {
            last = Date.now();
            running = (async () => {
                try {
                    network = (await Ewn.api.network()).code;
                    const answer = await Ewn.api.get('api/v1/audit/tree-head');
                    outcome = await Ewn.heads.judge(network, answer);
                } catch (e) {
                    outcome = {state: 'unchecked', reason: e.message};
                }
                render();
                return outcome;
            })().finally(() => { running = null; });
        }
        return running;
    }

    /** A check soon: now if the last was 10 s ago or more, else when it will be. */
    function nudge() {
        if (active && !timer) {
            timer = setTimeout(() => {
                timer = null;
                if (active) {
                    check();
                }
            }, Math.max(0, last + MIN_INTERVAL - Date.now()));
        }
    }

    function start() {
        stop();
        active = true;
        last = 0;
        period = setInterval(nudge, PERIOD);
        nudge();
    }

    function stop() {
        active = false;
        outcome = null;
        clearInterval(period);
        clearTimeout(timer);
        timer = null;
        render();
    }

    /** What this browser keeps for the network checked last. */
    function kept() {
        return network ? Ewn.heads.kept(network) : {};
    }

    function noted() {
        Ewn.heads.forgetAlarm(network);
        render();
    }

    Ewn.watch = {start: start, stop: stop, nudge: nudge, check: check, kept: kept, render: render};

    // ---- what the officer sees: a line in the footer, and a red banner while an alarm is not noted --------------

    function render() {
        const line = byId('log-state');
        const banner = byId('log-alarm');
        const state = active && network ? Ewn.heads.kept(network) : {};
        line.hidden = !active || !outcome;
        banner.hidden = !active || !state.alarm;
        if (!line.hidden) {
            renderLine(line, state);
        }
        if (!banner.hidden) {
            renderAlarm(banner, state.alarm);
        }
    }

    function renderLine(line, state) {
        const latest = state.latest;
        line.className = 'log-state ' + (state.alarm ? 'failed' : outcome.state);
        if (state.alarm) {
            line.textContent = t('logFailed');
        } else if (latest) {
            line.textContent = t(outcome.state === 'verified' ? 'logVerified' : 'logVerifiedBefore',
                {size: latest.treeSize, time: Ewn.i18n.time(latest.checkedAt)});
        } else {
            line.textContent = t('logUnchecked');
        }
        line.title = latest ? t('logVerifiedTitle', {size: latest.treeSize, root: latest.rootHash,
            signed: Ewn.i18n.dateTime(latest.timestamp)}) : '';
        if (outcome.state === 'unchecked') {
            line.title = (line.title ? line.title + '\n' : '') + t('logUncheckedTitle', {reason: outcome.reason});
        }
    }

    function headLine(label, head) {
        return el('li', {}, el('span', {text: label + ': ' + t('logHead', {size: head.treeSize}) + ' '}),
            el('code', {className: 'hash', text: head.rootHash}));
    }

    function renderAlarm(banner, alarm) {
        banner.replaceChildren(
            el('h2', {text: t('logAlarmTitle')}),
            el('p', {text: t('logAlarm_' + alarm.reason)}),
            el('ul', {}, alarm.kept ? headLine(t('logKept'), alarm.kept) : null, headLine(t('logOffered'), alarm.offered)),
            el('p', {className: 'advice', text: t('logAlarmAdvice', {at: Ewn.i18n.dateTime(alarm.at)})}),
            el('button', {id: 'log-alarm-noted', className: 'ghost small', text: t('logAlarmNoted'),
                attrs: {type: 'button'}, on: {click: noted}}));
        banner.dataset.reason = alarm.reason;
    }
})(window.Ewn = window.Ewn || {});
