// mdBook's interface in the reader's language: on Persian, Russian and Thai pages no
// string of mdBook's interface (what it shows or announces) is English.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { CHAPTER, openSite } from '../lib/site.js';

// mdBook 0.5.4's interface strings (book-model/src/interface.rs, ENGLISH), and the
// search and picker's own.
const ENGLISH = [
    'Toggle Table of Contents', 'Table of contents', 'Change theme', 'Themes',
    'Auto', 'Light', 'Coal', 'Navy', 'Print this book', 'Page navigation',
    'Previous chapter', 'Next chapter', 'Keyboard shortcuts',
    'to navigate between chapters', 'to show this help', 'to hide this help',
    'Note', 'Tip', 'Important', 'Warning', 'Caution',
    'Copy to clipboard', 'Copied!', 'Clipboard error!', 'Show hidden lines', 'Hide lines',
    'Page not found', 'Document not found', 'This URL is invalid',
    'Search', 'Language', 'More results',
];
// Names, the same in every language: two of mdBook's themes, the picker's entry for
// English, the languages of the listings, the picker's language code.
const NAMES = new Set(['Rust', 'Ayu', 'English', 'Go', 'EN', 'FA', 'RU', 'TH']);

// Every string the page's interface shows or announces: the chrome's text, each
// element's title, aria-label and placeholder, the callout titles, the meta description
// and the title of a 404 page.
function interfaceStrings() {
    const out = [];
    const chrome = [
        '#mdbook-menu-bar', '#mdbook-theme-list', '#mdbook-help-container', '.nav-wrapper',
        '.nav-wide-wrapper', '.blockquote-tag-title', '#lang-picker-list', '#book-search',
    ];
    for (const selector of chrome) {
        for (const el of document.querySelectorAll(selector)) {
            // A key's name (<kbd>Esc</kbd>) is not a word.
            for (const node of [el, ...el.querySelectorAll(':not(kbd)')]) {
                for (const child of node.childNodes) {
                    if (child.nodeType === 3 && child.textContent.trim()) {
                        out.push({ where: selector, text: child.textContent.trim() });
                    }
                }
            }
        }
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
        if (el.closest('main') && !el.closest('.blockquote-tag, pre')) {
            continue; // the chapter's own text
        }
        for (const attr of ['title', 'aria-label', 'placeholder']) {
            const value = el.getAttribute(attr);
            if (value) {
                out.push({ where: `${el.tagName.toLowerCase()}[${attr}]`, text: value });
            }
        }
    }
    const description = document.querySelector('meta[name="description"]');
    out.push({ where: 'meta description', text: description?.content || '' });
    if (document.querySelector('#document-not-found-404')) {
        out.push({ where: 'title', text: document.title });
        out.push({ where: 'main', text: document.querySelector('main').textContent.trim() });
    }
    return out;
}

function english(strings) {
    return strings.filter(({ text }) =>
        ENGLISH.some(word => new RegExp(`(^|[^A-Za-z])${word.replace(/[.?!()]/g, '\\$&')}`).test(text))
        // Any other string of Latin words alone, except names.
        || (/^[A-Za-z][A-Za-z ,.!?()'-]*$/.test(text) && !NAMES.has(text)));
}

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

const PAGES = {
    fa: [CHAPTER, 'patterns/for-select.html', '404.html'],
    ru: [CHAPTER, 'index.html', '404.html'],
    th: [CHAPTER, 'index.html', '404.html'],
};

for (const [lang, pages] of Object.entries(PAGES)) {
    test(`no English interface string on ${lang} pages`, async () => {
        for (const path of pages) {
            const page = await site.open(`${lang}/${path}`);
            // The strings book.js and the theme's scripts add: the code's copy button, the
            // search box (opened), the picker's list (opened).
            await page.locator('#book-search-toggle, #search-toggle, [id*="search"][aria-label]').first()
                .click().catch(() => {});
            await page.click('#lang-picker-toggle').catch(() => {});
            const strings = await page.evaluate(interfaceStrings);
            assert.ok(strings.length > 20, `${lang}/${path}: found the interface (${strings.length})`);
            assert.deepEqual(english(strings), [], `${lang}/${path}`);
            if (path === 'patterns/for-select.html') {
                assert.ok(strings.some(s => s.where === '.blockquote-tag-title'), 'a callout');
            }
            if (path === CHAPTER) {
                assert.ok(strings.some(s => s.where === 'button[title]' || s.where === 'label[title]'));
            }
        }
    });
}

test('the English pages keep mdBook\'s words (the check above sees them)', async () => {
    const page = await site.open(`en/${CHAPTER}`);
    const strings = await page.evaluate(interfaceStrings);
    const found = english(strings).map(s => s.text);
    for (const word of ['Toggle Table of Contents', 'Change theme', 'Print this book', 'Next chapter']) {
        assert.ok(found.includes(word), `${word} in ${JSON.stringify(found)}`);
    }
});
