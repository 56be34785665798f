// The member's last 14 days as charts: alerts by category and by precedence per day, how long acknowledgements
// took, and what is unacknowledged or overdue now (GET /api/v1/inbox/statistics).
(function (Ewn) {
    'use strict';

    const byId = Ewn.byId;
    const t = Ewn.t;
    const label = (kind, value) => Ewn.i18n.label(kind, value);
    const charts = {};
    let statistics = null;

    const PRECEDENCE_COLOURS = {FLASH: '#c62828', IMMEDIATE: '#ef6c00', PRIORITY: '#1565c0', ROUTINE: '#78909c'};
    const CATEGORY_COLOURS = ['#1f4e79', '#2e7d9a', '#5b9aa0', '#8fb9a8', '#c9b27c', '#a0a7b4'];

    async function show() {
        byId('dashboard-error').textContent = '';
        try {
            statistics = await Ewn.api.get('api/v1/inbox/statistics?days=14');
            document.querySelectorAll('#view-dashboard .tiles, #view-dashboard .charts').forEach((e) => { e.hidden = false; });
            render();
        } catch (e) {
            document.querySelectorAll('#view-dashboard .tiles, #view-dashboard .charts').forEach((e) => { e.hidden = true; });
            if (e.status !== 401) {
                byId('dashboard-error').textContent = e.status === 404 ? t('statisticsUnavailable') : e.message;
            }
        }
    }

    function chart(id, config) {
        if (charts[id]) {
            charts[id].destroy();
        }
        config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false,
            plugins: {legend: {position: 'bottom', labels: {boxWidth: 12, font: {size: 11}}}}}, config.options || {});
        charts[id] = new Chart(byId(id), config);
    }

    function render() {
        if (!statistics || byId('view-dashboard').hidden || typeof Chart === 'undefined') {
            return;
        }
        byId('tile-unacknowledged').textContent = String(statistics.unacknowledged ?? '–');
        byId('tile-overdue').textContent = String(statistics.overdue ?? '–');
        const days = statistics.byDay || [];
        const labels = days.map((d) => Ewn.i18n.day(d.day));
        const stacked = {scales: {x: {stacked: true, grid: {display: false}},
            y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}};
        chart('chart-category', {type: 'bar', options: stacked, data: {labels: labels,
            datasets: Ewn.i18n.enums.category.map((category, i) => ({label: label('category', category),
                backgroundColor: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length],
                data: days.map((d) => (d.byCategory || {})[category] || 0)}))}});
        chart('chart-precedence', {type: 'bar', options: stacked, data: {labels: labels,
            datasets: Ewn.i18n.enums.precedence.map((p) => ({label: label('precedence', p),
                backgroundColor: PRECEDENCE_COLOURS[p], data: days.map((d) => (d.byPrecedence || {})[p] || 0)}))}});
        const acknowledgement = statistics.acknowledgement || {};
        const minutes = (seconds) => seconds === null || seconds === undefined ? null : Math.round(seconds / 6) / 10;
        const precedences = Ewn.i18n.enums.precedence;
        chart('chart-acknowledgement', {type: 'bar', options: {scales: {y: {beginAtZero: true}}},
            data: {labels: precedences.map((p) => label('precedence', p) + ' (' + ((acknowledgement[p] || {}).count || 0) + ')'),
                datasets: [
                    {label: t('median'), backgroundColor: '#2e7d9a',
                        data: precedences.map((p) => minutes((acknowledgement[p] || {}).medianSeconds))},
                    {label: t('p90'), backgroundColor: '#a0a7b4',
                        data: precedences.map((p) => minutes((acknowledgement[p] || {}).p90Seconds))}]}});
    }

    Ewn.i18n.onChange(render);
    Ewn.dashboard = {show: show};
})(window.Ewn = window.Ewn || {});
