// Building the page from data without ever parsing it as HTML: whatever other states send stays text.
(function (Ewn) {
    'use strict';

    /**
     * el('span', {className: 'x', text: 'y', attrs: {role: 'status'}, on: {click: f}}, child, 'text child', ...)
     */
    function el(tag, props, ...children) {
        const element = document.createElement(tag);
        const p = props || {};
        if (p.id) {
            element.id = p.id;
        }
        if (p.className) {
            element.className = p.className;
        }
        if (p.text !== undefined && p.text !== null) {
            element.textContent = String(p.text);
        }
        Object.entries(p.attrs || {}).forEach(([name, value]) => {
            if (value !== undefined && value !== null && value !== false) {
                element.setAttribute(name, value === true ? '' : String(value));
            }
        });
        Object.entries(p.dataset || {}).forEach(([name, value]) => { element.dataset[name] = value; });
        Object.entries(p.on || {}).forEach(([name, handler]) => element.addEventListener(name, handler));
        children.flat().forEach((child) => {
            if (child === null || child === undefined || child === false) {
                return;
            }
            element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
        });
        return element;
    }

    Ewn.el = el;
    Ewn.byId = (id) => document.getElementById(id);
})(window.Ewn = window.Ewn || {});
