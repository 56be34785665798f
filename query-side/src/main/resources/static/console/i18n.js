// Every string the console shows, one dictionary per language, and the formatting of dates in the officer's own
// time zone. The choice of language is remembered in localStorage.
(function (Ewn) {
    'use strict';

    const en = {
        appName: 'Early-Warning Network', skipToContent: 'Skip to content', language: 'Language',
        navInbox: 'Inbox', navRaise: 'Raise alert', navDashboard: 'Dashboard',
        online: 'live', reconnecting: 'reconnecting…', offline: 'offline',
        enableNotifications: 'Enable notifications', signOut: 'Sign out',
        signInTitle: 'Sign in', signInLead: 'Liaison officers and supervisors of a member.', account: 'Account',
        password: 'Password', signIn: 'Sign in', signInFailed: 'The account or the password is wrong.',
        sessionEnded: 'Your session has ended. Please sign in again.',
        inboxOf: 'Inbox of', box: 'Alerts', search: 'Search', searchPlaceholder: 'Search title, text and follow-ups  ( / )',
        state: 'State', precedence: 'Precedence', category: 'Category', status: 'Status', marking: 'Marking',
        any: 'Any', clearFilters: 'Clear', emptyInbox: 'No alerts. New ones appear here as they are raised.',
        previous: 'Previous', next: 'Next', pageInfo: 'Page {page} of {pages} · {total} alerts',
        selectAlert: 'Select an alert to see it in full.',
        escalationsTitle: 'Escalations', escalationNotice: '{member} has not acknowledged “{title}” ({precedence}) by {deadline}',
        dismiss: 'Dismiss', open: 'Open',
        keyTitle: 'Agency signing key',
        keyLead: 'Every step you take is signed in this browser with your agency\'s key. Load its PKCS#8 PEM file once; the browser keeps it so that it cannot be read back, and it is never sent.',
        keyFile: 'Key file (.pem)', keyForget: 'Forget key', close: 'Close', cancel: 'Cancel',
        keyNone: 'No key loaded', keyLoaded: 'Signing as {agency} · {alg} · key {kid}', keyButtonNone: 'Load signing key',
        keyButton: 'Key: {agency}', keyMissing: 'No signing key in this browser',
        keyMissingDetail: 'Load your agency\'s signing key (PEM) to sign this step.',
        keyUnreadable: 'The file is not a usable signing key',
        keyUnreadableDetail: 'Choose an unencrypted PKCS#8 PEM file (BEGIN PRIVATE KEY) with an Ed25519 or P-256 key.',
        keyUnknown: 'The network does not know this key',
        keyUnknownDetail: 'Key {kid} is not the signing key of any agency of your member.',
        encryptionKeyTitle: 'Agency encryption key',
        encryptionKeyLead: 'Sealed texts open in this browser with your agency\'s X25519 key. Load its PKCS#8 PEM file once (…-encryption-key.pem); it is kept the same way and never sent.',
        encryptionKeyFile: 'Encryption key file (.pem)', encryptionKeyLoaded: 'Opening as {agency} · X25519 · key {kid}',
        encryptionKeyMissing: 'No encryption key in this browser',
        encryptionKeyMissingDetail: 'Load your agency\'s encryption key (PEM) to open sealed texts.',
        encryptionKeyUnreadable: 'The file is not a usable encryption key',
        encryptionKeyUnreadableDetail: 'Choose an unencrypted PKCS#8 PEM file (BEGIN PRIVATE KEY) with an X25519 key.',
        encryptionKeyUnknownDetail: 'Key {kid} is not the encryption key of any agency of your member.',
        sealed: 'Sealed', sealedTitle: 'The text is sealed to the addressees\' keys: the hub cannot read it.',
        sealedLead: 'The text is sealed to the addressees\' encryption keys; it opens only in their browsers.',
        openSealed: 'Open sealed text', sealedNotForUs: 'Not sealed to the key in this browser',
        sealedNotForUsDetail: 'The text is not sealed to {agency}\'s key {kid}. Load the encryption key it was sealed to.',
        sealedDoesNotOpen: 'The sealed text does not open',
        sealedDoesNotOpenDetail: 'It may have been altered, or the key is not the one it names.',
        sealForAddressees: 'Seal the text for the addressees', sealFailed: 'The text could not be sealed',
        sealNoKey: 'An addressee has no encryption key',
        sealNoKeyDetail: 'The directory lists no active encryption key for {members}: the text cannot be sealed for them. Send it unsealed or leave them out.',
        sealKeyMismatch: 'A certificate of {agency} does not match its key id.',
        subjects: 'People concerned', subjectUnnamed: 'Name not given', subjectErased: 'Erased',
        subjectErasedAt: 'Erased on {at}', otherNames: 'Other names', dateOfBirth: 'Date of birth', sex: 'Sex',
        sex_F: 'female', sex_M: 'male', sex_X: 'unspecified', nationalities: 'Nationalities', documents: 'Documents',
        description: 'Description', photos: 'Photographs',
        shortcuts: 'Shortcuts: / search · j k move · Enter open · a acknowledge · Esc close', api: 'API',
        timezone: 'Times in {zone}', networkError: 'The hub cannot be reached',
        // list and detail
        overdue: 'Overdue', acknowledged: 'Acknowledged', unacknowledged: 'Awaiting acknowledgement', withdrawn: 'Withdrawn',
        expired: 'Expired', sent: 'Sent', sentProgress: 'Sent · {acknowledged}/{addressees} acknowledged', newAlert: 'New', from: 'From', to: 'To', raisedAt: 'Raised',
        acknowledgeBy: 'Acknowledge by', validity: 'Valid', validFromTo: '{from} – {until}', validFromOnly: 'from {from}',
        restrictions: 'Originator restrictions', purposeOnly: 'Only for: {purpose}', anyLawfulPurpose: 'Any lawful purpose',
        askBeforeSharing: 'Ask the originator before sharing onward', mayShare: 'May be shared onward',
        grading: 'Source and information', reliabilityValue: 'Source {value}: {label}', accuracyValue: 'Information {value}: {label}',
        attachments: 'Attachments', attachmentsHint: 'Only each file\'s SHA-256 is signed and sent.',
        history: 'History', board: 'Addressees', followUps: 'Follow-ups', followUpNumber: 'Follow-up {number}',
        latestSupersedes: 'The latest follow-up supersedes the text above.', originalText: 'Text as raised',
        acknowledge: 'Acknowledge', acknowledgeShortcut: 'Acknowledge (a)', requestSharing: 'Ask to share onward',
        followUp: 'Follow up', withdraw: 'Withdraw', grant: 'Grant', refuse: 'Refuse',
        recipients: 'With whom', purposeOfSharing: 'Purpose', reason: 'Reason', followUpText: 'Text of the follow-up',
        withdrawReason: 'Why it is withdrawn', decisionReason: 'Reason (optional)',
        sharingRequests: 'Onward-sharing requests', pending: 'Awaiting decision',
        granted: 'Granted', refused: 'Refused', sending: 'Signing and sending…',
        accepted: 'Accepted by the hub (log index {index})', refusedByHub: 'The hub refused: {title}',
        exerciseBanner: 'EXERCISE — not a real event', testBanner: 'TEST — not a real event',
        withdrawnBanner: 'Withdrawn by {agency}: {reason}', expiredBanner: 'Expired: nothing more can be done with it.',
        back: 'Back to the inbox', notFound: 'This alert is not in your member\'s inbox.',
        signature: 'Signature', sigVERIFIED: 'verified', sigFAILED: 'FAILED', sigHUB: 'hub event',
        sigUnknown: 'not reported by the hub', sigBy: 'by {agency}, key {kid}', certificate: 'Certificate {subject} · serial {serial} · issuer {issuer}',
        step_RAISED: 'Raised by {agency}', step_ACKNOWLEDGED: 'Acknowledged by {member} ({agency})',
        step_ESCALATED: 'Escalated: {member} let the deadline pass', step_FOLLOWED_UP: 'Follow-up {number} by {agency}',
        step_WITHDRAWN: 'Withdrawn by {agency}: {reason}',
        step_SHARING_REQUESTED: '{member} ({agency}) asks to share with {recipients} for {purpose}',
        step_SHARING_DECIDED: 'Sharing {decision} to {member} by {agency}', stateDELIVERED: 'delivered',
        stateACKNOWLEDGED: 'acknowledged', stateOVERDUE: 'overdue', you: 'you',
        flashArrived: 'FLASH alert: {title}', immediateArrived: 'IMMEDIATE alert: {title}',
        // raise
        raiseTitle: 'Raise an alert', title: 'Title', text: 'Text', reliability: 'Source reliability',
        accuracy: 'Accuracy', validFrom: 'Valid from', validUntil: 'Valid until', purpose: 'Only for the purpose of',
        purposePlaceholder: 'leave empty for any lawful purpose', onwardNeedsPermission: 'Onward sharing needs my permission',
        addressees: 'Addressees', allMembers: 'All members', groups: 'Address groups', signAndSend: 'Sign and send',
        raiseMissing: 'Give a title, a text, and at least one addressee.', raised: 'Alert raised',
        // cases: referrals and transfers
        navCases: 'Cases', casesOf: 'Cases of', caseBox: 'Show', emptyCases: 'Nothing here. New cases appear as they arrive.',
        selectCase: 'Select a referral or a transfer to see it in full.', casesPageInfo: 'Page {page} of {pages} · {total} cases',
        caseNotFound: 'This case is not one of your member\'s.', backToCases: 'Back to the cases',
        sealedSummaryLead: 'The summary is sealed to the parties\' encryption keys; it opens only in their browsers.',
        openSealedSummary: 'Open sealed summary',
        referralTo: 'Referral to {agency}', referralFrom: 'Referral from {agency}', referredBy: 'Referred by',
        referredTo: 'Referred to', services: 'Services', submittedAt: 'Submitted', answerBy: 'Answer by',
        consent: 'Consent', consentBy: 'Given by: {who}', consentPurpose: 'For: {purpose}',
        consentRecipients: 'To be shared with: {kinds}', consentUntil: 'Valid until {until}',
        consentChild: 'A child; no guardian\'s consent', consentChildGuardian: 'A child; a parent or guardian consented',
        bestInterests: 'Best interests: {note}',
        referralNotShared: 'The referral was declined or revoked: only where it stands is shown.',
        acceptReferral: 'Accept', declineReferral: 'Decline', declineReason: 'Why it is declined',
        markInProgress: 'Mark in progress', closeReferral: 'Close', outcome: 'Outcome', closeReason: 'What was done, and why it ends',
        revokeReferral: 'Revoke', revokeReason: 'Why it is revoked', withdrawConsent: 'Consent withdrawn',
        consentWithdrawnReason: 'How the consent was withdrawn',
        referralStep_SUBMITTED: 'Referred by {agency}', referralStep_ACCEPTED: 'Accepted by {agency}',
        referralStep_DECLINED: 'Declined by {agency}', referralStep_IN_PROGRESS: 'In progress at {agency}',
        referralStep_CLOSED: 'Closed by {agency}', referralStep_REVOKED: 'Revoked by {agency}',
        referralStep_CONSENT_WITHDRAWN: 'Revoked by {agency}: consent withdrawn',
        referralStep_OVERDUE: 'Not answered in time',
        transferTitle: 'Case transfer {sender} → {receiver}', acceptTransfer: 'Accept the case',
        rejectTransfer: 'Reject', rejectReason: 'Why it is rejected', grantTransfer: 'Grant the transfer',
        refuseTransfer: 'Refuse', refuseReason: 'Why it is refused', readOnly: 'Read-only',
        readOnlyBanner: 'Handed over: {responsible} is responsible now. You keep read access for audit only.',
        origin: 'Started as', sender: 'Sending agency', receiver: 'Receiving agency', responsible: 'Responsible now',
        formerHolder: 'Former holder', ourSide: 'Our side', openedAt: 'Opened', reminded: 'reminder sent',
        transferStep_REQUESTED: 'Transfer requested by {agency}', transferStep_ASKED: 'Transfer asked for by {agency}',
        transferStep_ACCEPTED: 'Accepted by {agency}', transferStep_REJECTED: 'Rejected by {agency}',
        transferStep_GRANTED: 'Granted by {agency}', transferStep_REFUSED: 'Refused by {agency}',
        transferStep_HANDED_OVER: 'Responsibility handed over', transferStep_REMINDED: 'Reminder: the answer is overdue',
        // dashboard
        dashboardTitle: 'Last 14 days', unacknowledgedCount: 'unacknowledged', overdueCount: 'overdue',
        chartByCategory: 'Alerts by category', chartByPrecedence: 'Alerts by precedence',
        chartAcknowledgement: 'Time to acknowledge (minutes)', median: 'median', p90: '90th percentile',
        statisticsUnavailable: 'This hub does not offer statistics yet.',
        // the transparency log
        logVerified: 'Log verified up to {size} events · {time}',
        logVerifiedBefore: 'Log verified up to {size} events · {time} (not checked since)',
        logVerifiedTitle: 'Tree head of {size} events signed by the hub on {signed}, root {root}; this browser keeps it and checks every later head against it.',
        logUnchecked: 'Log not checked yet', logUncheckedTitle: 'The last check could not be made: {reason}',
        logFailed: 'Log check FAILED',
        logAlarmTitle: 'The hub\'s log is not consistent with what this browser saw before',
        logAlarm_signature: 'A tree head does not carry a valid signature of the hub\'s key.',
        logAlarm_content: 'A tree head\'s signed content is not what the hub sent with it.',
        logAlarm_fork: 'The hub signed two different roots for the same number of events: it shows two histories.',
        logAlarm_shrank: 'The log is smaller than one this browser saw before: the hub cut its history.',
        logAlarm_inconsistent: 'The hub cannot prove that the new head extends the one kept: its history was rewritten.',
        logKept: 'Head kept', logOffered: 'Head offered', logHead: '{size} events, root',
        logAlarmAdvice: 'Detected on {at}. The kept head was not replaced. Tell your member\'s auditor and the network administrator.',
        logAlarmNoted: 'Noted',
        // audit: a member's inbox as it was
        navAudit: 'Audit', auditTitle: 'Inbox as it was', auditMember: 'Member', auditMoment: 'Moment (UTC)',
        auditShow: 'Show', auditLead: 'Rebuilt from the log up to that moment. Every alert opened here is recorded in the log as read by you.',
        auditEmpty: 'The inbox held no alerts at that moment.',
        auditSelect: 'Choose a member and a moment, then open an alert to see it as it was.',
        auditLoading: 'Replaying the log…', auditSummary: '{member} · {box} · as of {at} · {total} alerts',
        auditAsOf: 'As {member} saw it on {at}', auditBack: 'Back to the list',
        auditMomentMissing: 'Give the moment: a date and a time in UTC.',
        auditBadRequest: 'The hub cannot answer this question', auditForbidden: 'Only auditors may see past inboxes',
        auditNotFound: '{member}\'s inbox did not hold this alert on {at}',
        enum: {
            box: {RECEIVED: 'Received', SENT: 'Sent by us'},
            caseBox: {RECEIVED: 'Referrals received', SENT: 'Referrals sent', TRANSFERS: 'Case transfers'},
            referralStatus: {SUBMITTED: 'Awaiting answer', ACCEPTED: 'Accepted', DECLINED: 'Declined',
                IN_PROGRESS: 'In progress', CLOSED: 'Closed', REVOKED: 'Revoked'},
            transferStatus: {REQUESTED: 'Requested', ASKED: 'Asked for', ACCEPTED: 'Accepted', GRANTED: 'Granted',
                REJECTED: 'Rejected', REFUSED: 'Refused', HANDED_OVER: 'Handed over'},
            service: {MEDICAL: 'Medical', PSYCHOSOCIAL: 'Psychosocial', EDUCATION: 'Education', HOUSING: 'Housing',
                VOCATIONAL_TRAINING: 'Vocational training', LEGAL_AID: 'Legal aid', FAMILY_TRACING: 'Family tracing',
                OTHER: 'Other'},
            urgency: {EMERGENCY: 'Emergency', URGENT: 'Urgent', ROUTINE: 'Routine'},
            outcome: {SERVICE_DELIVERED: 'Service delivered', PARTLY_DELIVERED: 'Partly delivered',
                NOT_DELIVERED: 'Not delivered'},
            consentedBy: {SUBJECT: 'the person', GUARDIAN: 'a parent or guardian', LEGAL_REPRESENTATIVE: 'a legal representative'},
            recipientKind: {GOVERNMENT_AGENCY: 'government agencies', HEALTH_PROVIDER: 'health providers',
                SOCIAL_SERVICE: 'social services', EDUCATION_PROVIDER: 'education providers',
                HOUSING_PROVIDER: 'housing providers', LEGAL_SERVICE: 'legal services',
                NON_GOVERNMENTAL_ORGANISATION: 'non-governmental organisations',
                INTERNATIONAL_ORGANISATION: 'international organisations'},
            origin: {REQUEST: 'a request to take the case', ASK: 'an asking for the case'},
            role: {SENDER: 'sending (holder)', RECEIVER: 'receiving'},
            state: {UNACKNOWLEDGED: 'Unacknowledged', ACKNOWLEDGED: 'Acknowledged', OVERDUE: 'Overdue',
                WITHDRAWN: 'Withdrawn', EXPIRED: 'Expired'},
            precedence: {FLASH: 'Flash', IMMEDIATE: 'Immediate', PRIORITY: 'Priority', ROUTINE: 'Routine'},
            category: {TERRORIST_THREAT: 'Terrorist threat', FOREIGN_TERRORIST_FIGHTER_TRAVEL: 'Foreign terrorist fighter travel',
                CYBER_INCIDENT: 'Cyber incident', WANTED_PERSON: 'Wanted person',
                MISSING_OR_AT_RISK_CHILD: 'Missing or at-risk child', OTHER: 'Other'},
            status: {ACTUAL: 'Actual', EXERCISE: 'Exercise', TEST: 'Test'},
            marking: {RED: 'TLP:RED', AMBER_STRICT: 'TLP:AMBER+STRICT', AMBER: 'TLP:AMBER', GREEN: 'TLP:GREEN', CLEAR: 'TLP:CLEAR'},
            reliability: {A: 'A – reliable', B: 'B – usually reliable', C: 'C – fairly reliable', X: 'X – not assessed'},
            accuracy: {1: '1 – known to be true', 2: '2 – known personally to the source',
                3: '3 – not known personally, corroborated', 4: '4 – cannot be judged'}
        }
    };

    const ru = {
        appName: 'Сеть раннего предупреждения', skipToContent: 'Перейти к содержимому', language: 'Язык',
        navInbox: 'Входящие', navRaise: 'Новое оповещение', navDashboard: 'Сводка',
        online: 'на связи', reconnecting: 'переподключение…', offline: 'нет связи',
        enableNotifications: 'Включить уведомления', signOut: 'Выйти',
        signInTitle: 'Вход', signInLead: 'Для офицеров связи и руководителей государства-участника.', account: 'Учётная запись',
        password: 'Пароль', signIn: 'Войти', signInFailed: 'Неверная учётная запись или пароль.',
        sessionEnded: 'Сеанс завершён. Войдите снова.',
        inboxOf: 'Входящие:', box: 'Оповещения', search: 'Поиск', searchPlaceholder: 'Поиск по заголовку, тексту и дополнениям  ( / )',
        state: 'Состояние', precedence: 'Срочность', category: 'Категория', status: 'Статус', marking: 'Гриф',
        any: 'Все', clearFilters: 'Сбросить', emptyInbox: 'Оповещений нет. Новые появятся здесь сразу.',
        previous: 'Назад', next: 'Далее', pageInfo: 'Страница {page} из {pages} · оповещений: {total}',
        selectAlert: 'Выберите оповещение, чтобы увидеть его полностью.',
        escalationsTitle: 'Эскалации', escalationNotice: '{member} не подтвердил «{title}» ({precedence}) до {deadline}',
        dismiss: 'Скрыть', open: 'Открыть',
        keyTitle: 'Ключ подписи ведомства',
        keyLead: 'Каждое действие подписывается в этом браузере ключом вашего ведомства. Загрузите файл PKCS#8 PEM один раз; браузер хранит ключ без возможности его прочитать и никуда не отправляет.',
        keyFile: 'Файл ключа (.pem)', keyForget: 'Удалить ключ', close: 'Закрыть', cancel: 'Отмена',
        keyNone: 'Ключ не загружен', keyLoaded: 'Подпись от имени {agency} · {alg} · ключ {kid}', keyButtonNone: 'Загрузить ключ',
        keyButton: 'Ключ: {agency}', keyMissing: 'В этом браузере нет ключа подписи',
        keyMissingDetail: 'Загрузите ключ подписи вашего ведомства (PEM), чтобы подписать это действие.',
        keyUnreadable: 'Файл не является пригодным ключом подписи',
        keyUnreadableDetail: 'Выберите незашифрованный файл PKCS#8 PEM (BEGIN PRIVATE KEY) с ключом Ed25519 или P-256.',
        keyUnknown: 'Сеть не знает этот ключ',
        keyUnknownDetail: 'Ключ {kid} не является ключом подписи ни одного ведомства вашего государства.',
        encryptionKeyTitle: 'Ключ шифрования ведомства',
        encryptionKeyLead: 'Запечатанные тексты открываются в этом браузере ключом X25519 вашего ведомства. Загрузите файл PKCS#8 PEM один раз (…-encryption-key.pem); он хранится так же и никуда не отправляется.',
        encryptionKeyFile: 'Файл ключа шифрования (.pem)', encryptionKeyLoaded: 'Открытие от имени {agency} · X25519 · ключ {kid}',
        encryptionKeyMissing: 'В этом браузере нет ключа шифрования',
        encryptionKeyMissingDetail: 'Загрузите ключ шифрования вашего ведомства (PEM), чтобы открывать запечатанные тексты.',
        encryptionKeyUnreadable: 'Файл не является пригодным ключом шифрования',
        encryptionKeyUnreadableDetail: 'Выберите незашифрованный файл PKCS#8 PEM (BEGIN PRIVATE KEY) с ключом X25519.',
        encryptionKeyUnknownDetail: 'Ключ {kid} не является ключом шифрования ни одного ведомства вашего государства.',
        sealed: 'Запечатано', sealedTitle: 'Текст запечатан ключами адресатов: узел сети не может его прочитать.',
        sealedLead: 'Текст запечатан ключами шифрования адресатов и открывается только в их браузерах.',
        openSealed: 'Открыть запечатанный текст', sealedNotForUs: 'Текст запечатан не для ключа в этом браузере',
        sealedNotForUsDetail: 'Текст не запечатан для ключа {kid} ведомства {agency}. Загрузите ключ шифрования, для которого он запечатан.',
        sealedDoesNotOpen: 'Запечатанный текст не открывается',
        sealedDoesNotOpenDetail: 'Возможно, он изменён, или ключ не тот, который в нём указан.',
        sealForAddressees: 'Запечатать текст для адресатов', sealFailed: 'Не удалось запечатать текст',
        sealNoKey: 'У адресата нет ключа шифрования',
        sealNoKeyDetail: 'В справочнике нет действующего ключа шифрования для {members}: запечатать текст для них нельзя. Отправьте текст незапечатанным или исключите их.',
        sealKeyMismatch: 'Сертификат ведомства {agency} не соответствует идентификатору ключа.',
        subjects: 'Лица, которых касается оповещение', subjectUnnamed: 'Имя не указано', subjectErased: 'Данные удалены',
        subjectErasedAt: 'Данные удалены {at}', otherNames: 'Другие имена', dateOfBirth: 'Дата рождения', sex: 'Пол',
        sex_F: 'женский', sex_M: 'мужской', sex_X: 'не указан', nationalities: 'Гражданство', documents: 'Документы',
        description: 'Описание', photos: 'Фотографии',
        shortcuts: 'Клавиши: / поиск · j k выбор · Enter открыть · a подтвердить · Esc закрыть', api: 'API',
        timezone: 'Время: {zone}', networkError: 'Узел сети недоступен',
        overdue: 'Просрочено', acknowledged: 'Подтверждено', unacknowledged: 'Ожидает подтверждения', withdrawn: 'Отозвано',
        expired: 'Истекло', sent: 'Отправлено', sentProgress: 'Отправлено · подтвердили {acknowledged} из {addressees}', newAlert: 'Новое', from: 'От', to: 'Кому', raisedAt: 'Отправлено',
        acknowledgeBy: 'Подтвердить до', validity: 'Действует', validFromTo: '{from} – {until}', validFromOnly: 'с {from}',
        restrictions: 'Ограничения отправителя', purposeOnly: 'Только для: {purpose}', anyLawfulPurpose: 'Любая законная цель',
        askBeforeSharing: 'Передача дальше — только с согласия отправителя', mayShare: 'Можно передавать дальше',
        grading: 'Источник и информация', reliabilityValue: 'Источник {value}: {label}', accuracyValue: 'Информация {value}: {label}',
        attachments: 'Вложения', attachmentsHint: 'Подписывается и отправляется только SHA-256 каждого файла.',
        history: 'История', board: 'Адресаты', followUps: 'Дополнения', followUpNumber: 'Дополнение {number}',
        latestSupersedes: 'Последнее дополнение заменяет текст выше.', originalText: 'Исходный текст',
        acknowledge: 'Подтвердить', acknowledgeShortcut: 'Подтвердить (a)', requestSharing: 'Запросить передачу',
        followUp: 'Дополнить', withdraw: 'Отозвать', grant: 'Разрешить', refuse: 'Отказать',
        recipients: 'Кому', purposeOfSharing: 'Цель', reason: 'Причина', followUpText: 'Текст дополнения',
        withdrawReason: 'Причина отзыва', decisionReason: 'Причина (необязательно)',
        sharingRequests: 'Запросы на передачу', pending: 'Ожидает решения',
        granted: 'Разрешено', refused: 'Отказано', sending: 'Подпись и отправка…',
        accepted: 'Принято узлом сети (запись {index})', refusedByHub: 'Узел сети отказал: {title}',
        exerciseBanner: 'УЧЕНИЯ — не реальное событие', testBanner: 'ПРОВЕРКА — не реальное событие',
        withdrawnBanner: 'Отозвано {agency}: {reason}', expiredBanner: 'Срок действия истёк: действия невозможны.',
        back: 'К входящим', notFound: 'Этого оповещения нет во входящих вашего государства.',
        signature: 'Подпись', sigVERIFIED: 'проверена', sigFAILED: 'НЕ ПРОШЛА ПРОВЕРКУ', sigHUB: 'событие узла сети',
        sigUnknown: 'узел сети не сообщил', sigBy: '{agency}, ключ {kid}', certificate: 'Сертификат {subject} · серийный номер {serial} · издатель {issuer}',
        step_RAISED: 'Отправлено {agency}', step_ACKNOWLEDGED: 'Подтверждено {member} ({agency})',
        step_ESCALATED: 'Эскалация: {member} не подтвердил в срок', step_FOLLOWED_UP: 'Дополнение {number} от {agency}',
        step_WITHDRAWN: 'Отозвано {agency}: {reason}',
        step_SHARING_REQUESTED: '{member} ({agency}) просит передать: {recipients}, цель: {purpose}',
        step_SHARING_DECIDED: 'Передача {decision} для {member}, решение {agency}', stateDELIVERED: 'доставлено',
        stateACKNOWLEDGED: 'подтверждено', stateOVERDUE: 'просрочено', you: 'вы',
        flashArrived: 'FLASH: {title}', immediateArrived: 'IMMEDIATE: {title}',
        raiseTitle: 'Новое оповещение', title: 'Заголовок', text: 'Текст', reliability: 'Надёжность источника',
        accuracy: 'Достоверность', validFrom: 'Действует с', validUntil: 'Действует до', purpose: 'Только для цели',
        purposePlaceholder: 'пусто — любая законная цель', onwardNeedsPermission: 'Передача дальше только с моего согласия',
        addressees: 'Адресаты', allMembers: 'Все участники', groups: 'Группы адресатов', signAndSend: 'Подписать и отправить',
        raiseMissing: 'Укажите заголовок, текст и хотя бы одного адресата.', raised: 'Оповещение отправлено',
        navCases: 'Дела', casesOf: 'Дела:', caseBox: 'Показать', emptyCases: 'Здесь пусто. Новые дела появятся сразу.',
        selectCase: 'Выберите направление или передачу дела, чтобы увидеть полностью.', casesPageInfo: 'Страница {page} из {pages} · дел: {total}',
        caseNotFound: 'Это дело не относится к вашему государству.', backToCases: 'К делам',
        sealedSummaryLead: 'Краткое описание запечатано ключами шифрования сторон и открывается только в их браузерах.',
        openSealedSummary: 'Открыть запечатанное описание',
        referralTo: 'Направление в {agency}', referralFrom: 'Направление от {agency}', referredBy: 'Направило',
        referredTo: 'Направлено в', services: 'Услуги', submittedAt: 'Направлено', answerBy: 'Ответить до',
        consent: 'Согласие', consentBy: 'Дал(а): {who}', consentPurpose: 'Цель: {purpose}',
        consentRecipients: 'Кому можно передавать: {kinds}', consentUntil: 'Действует до {until}',
        consentChild: 'Ребёнок; согласия опекуна нет', consentChildGuardian: 'Ребёнок; согласие родителя или опекуна получено',
        bestInterests: 'Наилучшие интересы: {note}',
        referralNotShared: 'Направление отклонено или отозвано: показано только его состояние.',
        acceptReferral: 'Принять', declineReferral: 'Отклонить', declineReason: 'Причина отказа',
        markInProgress: 'Отметить «в работе»', closeReferral: 'Закрыть', outcome: 'Результат', closeReason: 'Что сделано и почему закрыто',
        revokeReferral: 'Отозвать', revokeReason: 'Причина отзыва', withdrawConsent: 'Согласие отозвано',
        consentWithdrawnReason: 'Как было отозвано согласие',
        referralStep_SUBMITTED: 'Направлено {agency}', referralStep_ACCEPTED: 'Принято {agency}',
        referralStep_DECLINED: 'Отклонено {agency}', referralStep_IN_PROGRESS: 'В работе у {agency}',
        referralStep_CLOSED: 'Закрыто {agency}', referralStep_REVOKED: 'Отозвано {agency}',
        referralStep_CONSENT_WITHDRAWN: 'Отозвано {agency}: согласие отозвано',
        referralStep_OVERDUE: 'Нет ответа в срок',
        transferTitle: 'Передача дела {sender} → {receiver}', acceptTransfer: 'Принять дело',
        rejectTransfer: 'Отклонить', rejectReason: 'Причина отказа', grantTransfer: 'Передать дело',
        refuseTransfer: 'Отказать', refuseReason: 'Причина отказа', readOnly: 'Только чтение',
        readOnlyBanner: 'Дело передано: теперь отвечает {responsible}. У вас остаётся доступ только для аудита.',
        origin: 'Начато как', sender: 'Передающее ведомство', receiver: 'Принимающее ведомство', responsible: 'Отвечает сейчас',
        formerHolder: 'Прежний держатель', ourSide: 'Наша сторона', openedAt: 'Открыто', reminded: 'напоминание отправлено',
        transferStep_REQUESTED: 'Передачу предложило {agency}', transferStep_ASKED: 'Передачу запросило {agency}',
        transferStep_ACCEPTED: 'Принято {agency}', transferStep_REJECTED: 'Отклонено {agency}',
        transferStep_GRANTED: 'Разрешено {agency}', transferStep_REFUSED: 'Отказано {agency}',
        transferStep_HANDED_OVER: 'Ответственность передана', transferStep_REMINDED: 'Напоминание: срок ответа прошёл',
        dashboardTitle: 'Последние 14 дней', unacknowledgedCount: 'не подтверждено', overdueCount: 'просрочено',
        chartByCategory: 'Оповещения по категориям', chartByPrecedence: 'Оповещения по срочности',
        chartAcknowledgement: 'Время до подтверждения (минуты)', median: 'медиана', p90: '90-й перцентиль',
        statisticsUnavailable: 'Этот узел сети пока не даёт статистику.',
        // журнал прозрачности
        logVerified: 'Журнал проверен до {size} событий · {time}',
        logVerifiedBefore: 'Журнал проверен до {size} событий · {time} (с тех пор не проверялся)',
        logVerifiedTitle: 'Вершина дерева из {size} событий, подписанная узлом сети {signed}, корень {root}; этот браузер хранит её и сверяет с ней каждую следующую.',
        logUnchecked: 'Журнал ещё не проверен', logUncheckedTitle: 'Последнюю проверку выполнить не удалось: {reason}',
        logFailed: 'Проверка журнала НЕ ПРОЙДЕНА',
        logAlarmTitle: 'Журнал узла сети не согласуется с тем, что этот браузер видел раньше',
        logAlarm_signature: 'Вершина дерева не несёт действительной подписи ключа узла сети.',
        logAlarm_content: 'Подписанное содержимое вершины дерева не совпадает с тем, что узел сети прислал вместе с ней.',
        logAlarm_fork: 'Узел сети подписал два разных корня для одного и того же числа событий: он показывает две истории.',
        logAlarm_shrank: 'Журнал меньше, чем этот браузер видел раньше: узел сети сократил свою историю.',
        logAlarm_inconsistent: 'Узел сети не может доказать, что новая вершина продолжает сохранённую: его история переписана.',
        logKept: 'Сохранённая вершина', logOffered: 'Предъявленная вершина', logHead: '{size} событий, корень',
        logAlarmAdvice: 'Обнаружено {at}. Сохранённая вершина не заменена. Сообщите аудитору вашего государства и администратору сети.',
        logAlarmNoted: 'Принято к сведению',
        // аудит: входящие участника в прошлом
        navAudit: 'Аудит', auditTitle: 'Входящие на момент', auditMember: 'Участник', auditMoment: 'Момент (UTC)',
        auditShow: 'Показать', auditLead: 'Восстановлено по журналу до этого момента. Каждое открытое здесь оповещение записывается в журнал как прочитанное вами.',
        auditEmpty: 'На этот момент во входящих не было оповещений.',
        auditSelect: 'Выберите участника и момент, затем откройте оповещение, чтобы увидеть его таким, каким оно было.',
        auditLoading: 'Журнал воспроизводится…', auditSummary: '{member} · {box} · на {at} · оповещений: {total}',
        auditAsOf: 'Как его видел участник {member} на {at}', auditBack: 'Назад к списку',
        auditMomentMissing: 'Укажите момент: дату и время по UTC.',
        auditBadRequest: 'Узел сети не может ответить на этот запрос', auditForbidden: 'Входящие в прошлом видят только аудиторы',
        auditNotFound: 'На {at} этого оповещения во входящих участника {member} не было',
        enum: {
            box: {RECEIVED: 'Полученные', SENT: 'Отправленные нами'},
            caseBox: {RECEIVED: 'Полученные направления', SENT: 'Наши направления', TRANSFERS: 'Передачи дел'},
            referralStatus: {SUBMITTED: 'Ожидает ответа', ACCEPTED: 'Принято', DECLINED: 'Отклонено',
                IN_PROGRESS: 'В работе', CLOSED: 'Закрыто', REVOKED: 'Отозвано'},
            transferStatus: {REQUESTED: 'Предложено', ASKED: 'Запрошено', ACCEPTED: 'Принято', GRANTED: 'Разрешено',
                REJECTED: 'Отклонено', REFUSED: 'Отказано', HANDED_OVER: 'Передано'},
            service: {MEDICAL: 'Медицинская помощь', PSYCHOSOCIAL: 'Психосоциальная помощь', EDUCATION: 'Образование',
                HOUSING: 'Жильё', VOCATIONAL_TRAINING: 'Профессиональное обучение', LEGAL_AID: 'Юридическая помощь',
                FAMILY_TRACING: 'Поиск семьи', OTHER: 'Другое'},
            urgency: {EMERGENCY: 'Экстренно', URGENT: 'Срочно', ROUTINE: 'Обычно'},
            outcome: {SERVICE_DELIVERED: 'Услуга оказана', PARTLY_DELIVERED: 'Оказана частично',
                NOT_DELIVERED: 'Не оказана'},
            consentedBy: {SUBJECT: 'сам человек', GUARDIAN: 'родитель или опекун', LEGAL_REPRESENTATIVE: 'законный представитель'},
            recipientKind: {GOVERNMENT_AGENCY: 'государственные органы', HEALTH_PROVIDER: 'медицинские учреждения',
                SOCIAL_SERVICE: 'социальные службы', EDUCATION_PROVIDER: 'учебные заведения',
                HOUSING_PROVIDER: 'жилищные службы', LEGAL_SERVICE: 'юридические службы',
                NON_GOVERNMENTAL_ORGANISATION: 'неправительственные организации',
                INTERNATIONAL_ORGANISATION: 'международные организации'},
            origin: {REQUEST: 'предложение принять дело', ASK: 'запрос на передачу дела'},
            role: {SENDER: 'передающая (держатель)', RECEIVER: 'принимающая'},
            state: {UNACKNOWLEDGED: 'Не подтверждено', ACKNOWLEDGED: 'Подтверждено', OVERDUE: 'Просрочено',
                WITHDRAWN: 'Отозвано', EXPIRED: 'Истекло'},
            precedence: {FLASH: 'Flash (молния)', IMMEDIATE: 'Immediate (немедленно)', PRIORITY: 'Priority (срочно)',
                ROUTINE: 'Routine (обычно)'},
            category: {TERRORIST_THREAT: 'Террористическая угроза', FOREIGN_TERRORIST_FIGHTER_TRAVEL: 'Передвижение иностранных боевиков',
                CYBER_INCIDENT: 'Киберинцидент', WANTED_PERSON: 'Лицо в розыске',
                MISSING_OR_AT_RISK_CHILD: 'Пропавший ребёнок или ребёнок в опасности', OTHER: 'Другое'},
            status: {ACTUAL: 'Реальное', EXERCISE: 'Учения', TEST: 'Проверка'},
            marking: {RED: 'TLP:RED', AMBER_STRICT: 'TLP:AMBER+STRICT', AMBER: 'TLP:AMBER', GREEN: 'TLP:GREEN', CLEAR: 'TLP:CLEAR'},
            reliability: {A: 'A – надёжный', B: 'B – обычно надёжный', C: 'C – относительно надёжный', X: 'X – не оценён'},
            accuracy: {1: '1 – достоверно известно', 2: '2 – известно источнику лично',
                3: '3 – не известно лично, подтверждено', 4: '4 – нельзя оценить'}
        }
    };

    const dictionaries = {en: en, ru: ru};
    const ENUMS = {
        box: ['RECEIVED', 'SENT'],
        state: ['UNACKNOWLEDGED', 'ACKNOWLEDGED', 'OVERDUE', 'WITHDRAWN', 'EXPIRED'],
        precedence: ['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'],
        category: ['TERRORIST_THREAT', 'FOREIGN_TERRORIST_FIGHTER_TRAVEL', 'CYBER_INCIDENT', 'WANTED_PERSON',
            'MISSING_OR_AT_RISK_CHILD', 'OTHER'],
        status: ['ACTUAL', 'EXERCISE', 'TEST'],
        marking: ['RED', 'AMBER_STRICT', 'AMBER', 'GREEN', 'CLEAR'],
        reliability: ['A', 'B', 'C', 'X'],
        accuracy: ['1', '2', '3', '4'],
        caseBox: ['RECEIVED', 'SENT', 'TRANSFERS'],
        referralStatus: ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'CLOSED', 'DECLINED', 'REVOKED'],
        transferStatus: ['REQUESTED', 'ASKED', 'ACCEPTED', 'GRANTED', 'HANDED_OVER', 'REJECTED', 'REFUSED'],
        outcome: ['SERVICE_DELIVERED', 'PARTLY_DELIVERED', 'NOT_DELIVERED']
    };
    // what the raise form starts with: the hub's own defaults
    const DEFAULTS = {box: 'RECEIVED', caseBox: 'RECEIVED', precedence: 'ROUTINE', category: 'OTHER', marking: 'AMBER', status: 'ACTUAL', reliability: 'X',
        accuracy: '4'};

    let language = localStorage.getItem('ewn.language') || 'en';
    if (!dictionaries[language]) {
        language = 'en';
    }
    const listeners = [];

    function t(key, params) {
        let text = dictionaries[language][key];
        if (text === undefined) {
            text = en[key] !== undefined ? en[key] : key;
        }
        return params ? text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined || params[name] === null)
            ? '' : String(params[name])) : text;
    }

    function label(kind, value) {
        const labels = dictionaries[language].enum[kind] || {};
        return labels[value] !== undefined ? labels[value] : String(value);
    }

    /** Static text: data-i18n (text), data-i18n-placeholder, data-i18n-label (aria-label); enum selects refilled. */
    function apply(root) {
        const scope = root || document;
        document.documentElement.lang = language;
        scope.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
        scope.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
        scope.querySelectorAll('[data-i18n-label]').forEach((e) => e.setAttribute('aria-label', t(e.dataset.i18nLabel)));
        scope.querySelectorAll('select[data-enum]').forEach(fillSelect);
        document.title = t('appName');
    }

    function fillSelect(select) {
        const kind = select.dataset.enum;
        const current = select.value;
        select.replaceChildren();
        if (!select.hasAttribute('data-required')) {
            select.appendChild(new Option(t('any'), ''));
        }
        const initial = select.hasAttribute('data-required') ? DEFAULTS[kind] : '';
        ENUMS[kind].forEach((value) => select.appendChild(new Option(label(kind, value), value,
            value === initial, value === initial)));
        select.value = current || initial;
    }

    function setLanguage(next) {
        if (!dictionaries[next]) {
            return;
        }
        language = next;
        localStorage.setItem('ewn.language', next);
        apply();
        listeners.forEach((listener) => listener(next));
    }

    // ---- dates, in the officer's time zone ----------------------------------------------------------------------

    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

    function dateTime(iso) {
        if (!iso) {
            return '';
        }
        return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB',
            {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(iso));
    }

    function time(iso) {
        return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB',
            {hour: '2-digit', minute: '2-digit', second: '2-digit'}).format(new Date(iso));
    }

    function day(isoDay) {
        return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {day: 'numeric', month: 'short'})
            .format(new Date(isoDay + 'T12:00:00Z'));
    }

    Ewn.t = t;
    Ewn.i18n = {t: t, label: label, apply: apply, setLanguage: setLanguage, language: () => language,
        onChange: (listener) => listeners.push(listener), enums: ENUMS, zone: zone, dateTime: dateTime, time: time,
        day: day, dictionaries: dictionaries};
})(window.Ewn = window.Ewn || {});
