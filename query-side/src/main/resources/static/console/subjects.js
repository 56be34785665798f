// The people an alert or a case is about, as the hub opened their personal data for this reader; an erased person is
// shown as erased, with nothing else left to show.
(function (Ewn) {
    'use strict';

    const el = Ewn.el;
    const t = Ewn.t;

    function fact(name, value) {
        return value ? [el('dt', {text: name}), el('dd', {text: value})] : [];
    }

    function documents(list) {
        return (list || []).map((d) => d.type + ' ' + d.number + (d.issuingState ? ' (' + d.issuingState + ')' : ''))
            .join('; ');
    }

    function person(subject) {
        if (subject.erased) {
            return el('li', {className: 'person', dataset: {subject: subject.subject}},
                el('p', {className: 'erased', text: subject.erasedAt
                    ? t('subjectErasedAt', {at: Ewn.i18n.dateTime(subject.erasedAt)}) : t('subjectErased')}));
        }
        const data = subject.personalData || {};
        return el('li', {className: 'person', dataset: {subject: subject.subject}},
            el('h4', {className: 'person-name', text: data.name || t('subjectUnnamed')}),
            el('dl', {className: 'facts'},
                ...fact(t('otherNames'), (data.otherNames || []).join(', ')),
                ...fact(t('dateOfBirth'), data.dateOfBirth),
                ...fact(t('sex'), data.sex ? t('sex_' + data.sex) : ''),
                ...fact(t('nationalities'), (data.nationalities || []).join(', ')),
                ...fact(t('documents'), documents(data.documents)),
                ...fact(t('description'), data.description),
                ...fact(t('photos'), (data.photos || []).map((p) => p.mediaType + ' SHA-256 ' + p.sha256).join('; '))));
    }

    /** The section listing the subjects of an alert or a case, or null when it names none. */
    function section(subjects, id) {
        if (!subjects.length) {
            return null;
        }
        return el('section', {className: 'subjects'}, el('h3', {text: t('subjects')}),
            el('ul', {attrs: {id: id || 'subjects'}}, ...subjects.map(person)));
    }

    Ewn.subjects = {section: section};
})(window.Ewn = window.Ewn || {});
