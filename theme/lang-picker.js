// The language picker: a button in mdBook's menu bar that opens a list of the
// book's languages. Choosing one opens the same chapter in that language when
// that book has it (the same file name under src/<lang>/), else its first page.
//
// Layout of the site: <site>/index.html, <site>/<lang>/<chapter path>.
// mdBook gives every page `path_to_root`, the way from the page to its book's
// root (<site>/<lang>/), so <site>/ is path_to_root + "../".
(function langPicker() {
    'use strict';

    // Add a language here (and a font in theme/fonts/ if mdBook's fonts do not
    // cover its script); see CONTRIBUTING.md, "Add a language".
    const LANGUAGES = [
        { code: 'en', name: 'English', dir: 'ltr' },
        { code: 'fa', name: 'فارسی', dir: 'rtl' },
        { code: 'ru', name: 'Русский', dir: 'ltr' },
        { code: 'th', name: 'ไทย', dir: 'ltr' },
    ];
    // The button's label, in the page's language.
    const LABEL = {
        en: 'Language',
        fa: 'زبان',
        ru: 'Язык',
        th: 'ภาษา',
    };

    const menuButtons = document.querySelector('#mdbook-menu-bar .right-buttons');
    if (!menuButtons || typeof path_to_root === 'undefined') {
        return;
    }

    const current = (document.documentElement.lang || 'en').toLowerCase();
    const bookRoot = new URL(path_to_root || './', window.location.href);
    const siteRoot = new URL(path_to_root + '../', window.location.href);
    // Under plain `mdbook serve` the one book is served at / with no site around it:
    // there is no other language to offer, and asking for one would only be a 404.
    if (!bookRoot.pathname.endsWith('/' + current + '/')) {
        return;
    }

    // The page's path inside its book ("building-blocks/x.html"); a folder
    // URL means its index.html.
    function chapterPath() {
        const here = window.location.pathname;
        let rest = here.startsWith(bookRoot.pathname)
            ? here.slice(bookRoot.pathname.length)
            : '';
        if (rest === '' || rest.endsWith('/')) {
            rest += 'index.html';
        }
        return rest;
    }

    function firstPage(code) {
        return new URL(code + '/index.html', siteRoot).href;
    }

    // Where choosing `code` leads, checked once per language and page: the same
    // chapter, else that book's first page, else nowhere (null: that book is not
    // on this server).
    const targets = new Map();
    function exists(url) {
        return fetch(url, { method: 'HEAD', cache: 'no-cache' })
            .then(response => response.ok, () => false);
    }
    function target(code) {
        if (!targets.has(code)) {
            const same = new URL(code + '/' + chapterPath(), siteRoot).href;
            let found;
            if (window.location.protocol === 'file:') {
                // fetch() cannot look at files; the books share file names.
                found = Promise.resolve(same);
            } else {
                found = exists(same).then(ok => ok ? same
                    : exists(firstPage(code)).then(first => (first ? firstPage(code) : null)));
            }
            targets.set(code, found);
        }
        return targets.get(code);
    }

    // A language whose book is not here is shown, but not linked.
    function point(link, url) {
        if (url) {
            link.href = url;
            link.removeAttribute('aria-disabled');
            link.removeAttribute('tabindex');
        } else {
            link.removeAttribute('href');
            link.setAttribute('aria-disabled', 'true');
            link.tabIndex = -1; // still reached with the arrows, as a menu item
        }
    }

    // A globe, drawn with strokes in the icon colour.
    const GLOBE =
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" ' +
        'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">' +
        '<circle cx="12" cy="12" r="10" fill="none"/>' +
        '<ellipse cx="12" cy="12" rx="4.2" ry="10" fill="none"/>' +
        '<path d="M2.6 8.5h18.8M2.6 15.5h18.8" fill="none"/></svg>';

    const label = LABEL[current] || LABEL.en;
    const toggle = document.createElement('button');
    toggle.id = 'lang-picker-toggle';
    toggle.className = 'icon-button';
    toggle.type = 'button';
    toggle.title = label;
    // The accessible name is the button's text, "Language: EN", of which "EN" is what
    // shows: a name that holds the visible text, as speech input expects.
    toggle.setAttribute('aria-haspopup', 'true');
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', 'lang-picker-list');
    toggle.innerHTML = '<span class="fa-svg">' + GLOBE + '</span>' +
        '<span class="lang-picker-label"></span><span class="lang-picker-code"></span>';
    toggle.querySelector('.lang-picker-label').textContent = label + ': ';
    toggle.querySelector('.lang-picker-code').textContent = current.toUpperCase();

    const list = document.createElement('ul');
    list.id = 'lang-picker-list';
    list.className = 'lang-picker-popup';
    list.setAttribute('role', 'menu');
    list.setAttribute('aria-label', label);
    list.hidden = true;

    for (const lang of LANGUAGES) {
        const item = document.createElement('li');
        item.setAttribute('role', 'none');
        const link = document.createElement('a');
        link.setAttribute('role', 'menuitem');
        link.href = firstPage(lang.code);
        link.lang = lang.code;
        link.hreflang = lang.code;
        link.dataset.lang = lang.code;
        // The items line up with the page; each name keeps its own direction.
        const name = document.createElement('span');
        name.dir = lang.dir;
        name.textContent = lang.name;
        link.appendChild(name);
        if (lang.code === current) {
            link.setAttribute('aria-current', 'true');
        }
        item.appendChild(link);
        list.appendChild(item);
    }

    menuButtons.insertBefore(list, menuButtons.firstChild);
    menuButtons.insertBefore(toggle, menuButtons.firstChild);

    function links() {
        return Array.from(list.querySelectorAll('a'));
    }

    function isOpen() {
        return !list.hidden;
    }

    function open() {
        list.hidden = false;
        toggle.setAttribute('aria-expanded', 'true');
        // Look the targets up now, so that the links are right by the time
        // one is chosen (and for a middle click or "open in new tab").
        for (const link of links()) {
            const code = link.dataset.lang;
            if (code !== current) {
                target(code).then(url => point(link, url));
            } else {
                link.href = window.location.href;
            }
        }
        const selected = list.querySelector('a[aria-current="true"]') || links()[0];
        selected.focus();
    }

    function close(returnFocus) {
        if (!isOpen()) {
            return;
        }
        list.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        if (returnFocus) {
            toggle.focus();
        }
    }

    toggle.addEventListener('click', () => {
        if (isOpen()) {
            close(true);
        } else {
            open();
        }
    });

    list.addEventListener('click', event => {
        const link = event.target.closest('a');
        if (!link || event.button !== 0 || event.ctrlKey || event.metaKey ||
            event.shiftKey || event.altKey) {
            return; // let the browser open the link's current href elsewhere
        }
        event.preventDefault();
        const code = link.dataset.lang;
        if (code === current) {
            close(true);
            return;
        }
        target(code).then(url => {
            if (url) {
                window.location.href = url;
            } else {
                point(link, null);
            }
        });
    });

    // Keyboard: arrows, Home and End move, Escape closes, Tab leaves.
    list.addEventListener('keydown', event => {
        if (event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }
        const all = links();
        const at = all.indexOf(document.activeElement);
        let next = null;
        switch (event.key) {
        case 'Escape':
            event.preventDefault();
            event.stopPropagation();
            close(true);
            return;
        case 'ArrowDown':
            next = all[(at + 1) % all.length];
            break;
        case 'ArrowUp':
            next = all[(at - 1 + all.length) % all.length];
            break;
        case 'Home':
            next = all[0];
            break;
        case 'End':
            next = all[all.length - 1];
            break;
        case ' ':
            // A space chooses the item, as Enter does.
            if (at >= 0) {
                event.preventDefault();
                all[at].click();
            }
            return;
        default:
            return;
        }
        event.preventDefault();
        next.focus();
    });
    toggle.addEventListener('keydown', event => {
        if (event.key === 'Escape') {
            close(true);
        } else if (event.key === 'ArrowDown' && !isOpen()) {
            event.preventDefault();
            open();
        }
    });

    // Focus leaving the picker, or a click anywhere else, closes it.
    list.addEventListener('focusout', event => {
        const to = event.relatedTarget;
        if (to && !list.contains(to) && to !== toggle) {
            close(false);
        }
    });
    document.addEventListener('click', event => {
        if (isOpen() && !list.contains(event.target) && !toggle.contains(event.target)) {
            close(false);
        }
    });
})();
