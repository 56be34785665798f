// A case transfer as its two parties see it: the receiver accepts or rejects a request, the holder grants or refuses
// an asking; after the handover the former holder keeps the case read-only, for audit.
(function (Ewn) {
    'use strict';

    const el = Ewn.el;
    const t = Ewn.t;
    const label = (kind, value) => Ewn.i18n.label(kind, value);
    const when = (iso) => Ewn.i18n.dateTime(iso);

    function tone(status) {
        return {REQUESTED: 'case-open', ASKED: 'case-open', ACCEPTED: 'case-active', GRANTED: 'case-active',
            HANDED_OVER: 'case-done'}[status] || 'case-ended';
    }

    function chip(transfer) {
        return el('span', {className: 'state state-' + tone(transfer.status),
            text: label('transferStatus', transfer.status)});
    }

    function title(transfer) {
        return t('transferTitle', {sender: transfer.sender, receiver: transfer.receiver});
    }

    function reason(field) {
        return [{name: 'reason', label: t(field), required: true, multiline: true, max: 2000}];
    }

    /** Only the party addressed answers: the receiver a request, the holder (the sender's side) an asking. */
    function actions(transfer) {
        const act = Ewn.caseDetail.act;
        const actWith = Ewn.caseDetail.actWith;
        const body = {transferId: transfer.transferId};
        if (transfer.readOnly) {
            return [];
        }
        if (transfer.status === 'REQUESTED' && transfer.role === 'RECEIVER') {
            return [{id: 'transfer-accept', label: t('acceptTransfer'), className: 'primary',
                run: () => act('/acceptance', 'transfer.accept', body)},
            {id: 'transfer-reject', label: t('rejectTransfer'), className: 'danger',
                run: () => actWith(t('rejectTransfer'), reason('rejectReason'), '/rejection', 'transfer.reject',
                    body)}];
        }
        if (transfer.status === 'ASKED' && transfer.role === 'SENDER') {
            return [{id: 'transfer-grant', label: t('grantTransfer'), className: 'primary',
                run: () => act('/grant', 'transfer.grant', body)},
            {id: 'transfer-refuse', label: t('refuseTransfer'), className: 'danger',
                run: () => actWith(t('refuseTransfer'), reason('refuseReason'), '/refusal', 'transfer.refuse', body)}];
        }
        return [];
    }

    Ewn.caseDetail.register('transfers', {
        path: (id) => 'api/v1/transfers/' + encodeURIComponent(id),
        title: title,
        badges: (tr) => [chip(tr), tr.readOnly ? el('span', {className: 'badge read-only-badge',
            attrs: {id: 'read-only'}, text: t('readOnly')}) : null],
        banners: (tr) => tr.readOnly ? [el('div', {className: 'banner read-only-banner', text: t('readOnlyBanner',
            {responsible: tr.responsible})})] : [],
        subjects: (tr) => tr.subjects || [],
        facts: (tr) => [
            [t('origin'), label('origin', tr.origin)],
            [t('sender'), tr.sender],
            [t('receiver'), tr.receiver],
            [t('responsible'), tr.responsible],
            [t('formerHolder'), tr.formerHolder],
            [t('ourSide'), label('role', tr.role)],
            [t('openedAt'), when(tr.openedAt)],
            [t('answerBy'), tr.answerBy && (tr.status === 'REQUESTED' || tr.status === 'ASKED')
                ? when(tr.answerBy) + (tr.reminded ? ' · ' + t('reminded') : '') : null]],
        actions: actions,
        stepKind: (step) => step.step,
        stepText: (step) => t('transferStep_' + step.step, step),
        stepQuote: (step) => step.reason
    });

    Ewn.transfers = {title: title, chip: chip};
})(window.Ewn = window.Ewn || {});
