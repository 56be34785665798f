// A referral as its two sides see it: the receiving agency accepts or declines it, marks it in progress and closes it
// with an outcome; the referring agency revokes it or records that consent was withdrawn.
(function (Ewn) {
    'use strict';

    const el = Ewn.el;
    const t = Ewn.t;
    const label = (kind, value) => Ewn.i18n.label(kind, value);
    const when = (iso) => Ewn.i18n.dateTime(iso);
    const OPEN = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'];

    /** The chip's colour: awaiting an answer, being worked, done, or ended without the service. */
    function tone(status) {
        const tones = {SUBMITTED: 'case-open', ACCEPTED: 'case-active', IN_PROGRESS: 'case-active',
            CLOSED: 'case-done'};
        return tones[status] || 'case-ended';
    }

    function chip(referral) {
        return el('span', {className: 'state state-' + (referral.overdue ? 'overdue' : tone(referral.status)),
            text: label('referralStatus', referral.status) + (referral.overdue ? ' · ' + t('overdue') : '')});
    }

    function title(referral) {
        return t(referral.box === 'SENT' ? 'referralTo' : 'referralFrom',
            {agency: referral.box === 'SENT' ? referral.receivingAgency : referral.referringAgency});
    }

    const services = (referral) => (referral.services || []).map((s) => label('service', s)).join(', ');

    function consent(c) {
        if (!c) {
            return null;
        }
        const lines = [t('consentBy', {who: label('consentedBy', c.consentedBy)})];
        if (c.purpose) {
            lines.push(t('consentPurpose', {purpose: c.purpose}));
        }
        if ((c.recipientKinds || []).length) {
            const kinds = c.recipientKinds.map((k) => label('recipientKind', k)).join(', ');
            lines.push(t('consentRecipients', {kinds: kinds}));
        }
        if (c.validUntil) {
            lines.push(t('consentUntil', {until: when(c.validUntil)}));
        }
        if (c.child) {
            lines.push(t(c.guardianConsent ? 'consentChildGuardian' : 'consentChild'));
        }
        if (c.bestInterestsNote) {
            lines.push(t('bestInterests', {note: c.bestInterestsNote}));
        }
        return el('span', {className: 'consent'}, ...lines.flatMap((line, i) => i ? [el('br'), line] : [line]));
    }

    function reason(field) {
        return {name: 'reason', label: t(field), required: true, multiline: true, max: 2000};
    }

    function actions(referral) {
        const act = Ewn.caseDetail.act;
        const actWith = Ewn.caseDetail.actWith;
        const body = {referralId: referral.referralId};
        const steps = [];
        if (referral.box === 'RECEIVED') {
            if (referral.status === 'SUBMITTED') {
                steps.push({id: 'referral-accept', label: t('acceptReferral'), className: 'primary',
                    run: () => act('/acceptance', 'referral.accept', body)},
                {id: 'referral-decline', label: t('declineReferral'), className: 'danger',
                    run: () => actWith(t('declineReferral'), [reason('declineReason')], '/decline', 'referral.decline',
                        body)});
            }
            if (referral.status === 'ACCEPTED') {
                steps.push({id: 'referral-progress', label: t('markInProgress'),
                    run: () => act('/progress', 'referral.progress', body)});
            }
            if (referral.status === 'ACCEPTED' || referral.status === 'IN_PROGRESS') {
                steps.push({id: 'referral-close', label: t('closeReferral'), run: () => actWith(t('closeReferral'), [
                    {name: 'outcome', label: t('outcome'), options: Ewn.i18n.enums.outcome.map((o) =>
                        ({value: o, label: label('outcome', o)}))},
                    reason('closeReason')], '/closure', 'referral.close', body)});
            }
        } else if (referral.box === 'SENT' && OPEN.includes(referral.status)) {
            steps.push({id: 'referral-revoke', label: t('revokeReferral'), className: 'danger',
                run: () => actWith(t('revokeReferral'), [reason('revokeReason')], '/revocation', 'referral.revoke',
                    body)},
            {id: 'referral-consent-withdrawn', label: t('withdrawConsent'), className: 'danger',
                run: () => actWith(t('withdrawConsent'), [reason('consentWithdrawnReason')], '/consent-withdrawal',
                    'referral.consent-withdrawal', body)});
        }
        return steps;
    }

    function stepText(step) {
        if (step.status === 'REVOKED' && step.cause === 'CONSENT_WITHDRAWN') {
            return t('referralStep_CONSENT_WITHDRAWN', step);
        }
        return t('referralStep_' + step.status, step);
    }

    Ewn.caseDetail.register('referrals', {
        path: (id) => 'api/v1/referrals/' + encodeURIComponent(id),
        title: title,
        badges: (r) => [el('span', {className: 'badge urgency u-' + r.urgency, text: label('urgency', r.urgency)}),
            chip(r)],
        banners: (r) => r.shared ? [] : [el('div', {className: 'banner read-only-banner', attrs: {id: 'not-shared'},
            text: t('referralNotShared')})],
        subjects: (r) => r.subject ? [r.subject] : [],
        facts: (r) => [
            [t('referredBy'), r.referringAgency],
            [t('referredTo'), r.receivingAgency],
            [t('services'), services(r)],
            [t('submittedAt'), when(r.submittedAt)],
            [t('answerBy'), r.status === 'SUBMITTED' ? el('time', {text: when(r.acceptBy),
                attrs: {datetime: r.acceptBy}, className: r.overdue ? 'overdue-text' : ''}) : null],
            [t('consent'), consent(r.consent)]],
        actions: actions,
        stepKind: (step) => step.status,
        stepText: stepText,
        stepQuote: (step) => [step.outcome ? label('outcome', step.outcome) : null, step.reason]
            .filter(Boolean).join(' — ')
    });

    Ewn.referrals = {title: title, chip: chip, services: services};
})(window.Ewn = window.Ewn || {});
