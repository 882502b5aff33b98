// What a page's <head> tells the browser and crawlers: the theme's scripts are deferred
// (they never hold up the parser), each chapter names its other languages with hreflang
// (itself and x-default included, every link leading to a page), and the site has a root
// 404.html that leads to each book.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { chapters, html } from '../lib/pages.js';
import { CHAPTER, LANGS, openSite } from '../lib/site.js';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

test('the theme\'s three scripts are deferred, mdBook\'s are not moved', async () => {
    for (const lang of LANGS) {
        const text = await html(lang, CHAPTER);
        const scripts = [...text.matchAll(/<script([^>]*)src="([^"]+)"/g)]
            .map(([, attrs, src]) => ({ src, defer: /\bdefer\b/.test(attrs) }));
        const theme = scripts.filter(s => s.src.includes('theme/'));
        assert.equal(theme.length, 3, `${lang}: ${JSON.stringify(scripts)}`);
        assert.deepEqual(theme.filter(s => !s.defer), [], `${lang}: not deferred`);
    }
    // They still work: the picker and the search button are there.
    const page = await site.open(`fa/${CHAPTER}`);
    await page.locator('#lang-picker-toggle').waitFor();
    await page.locator('#book-search-toggle').waitFor();
    page.assertClean();
});

test('each chapter lists its languages with hreflang, and every link leads to a page', async () => {
    const checked = new Map();
    for (const lang of LANGS) {
        for (const chapter of await chapters(lang)) {
            const text = await html(lang, chapter);
            const links = [...text.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)]
                .map(([, hreflang, href]) => ({ hreflang, href }));
            const where = `${lang}/${chapter}`;
            const own = links.find(l => l.hreflang === lang);
            assert.ok(own, `${where}: names itself`);
            assert.equal(links.filter(l => l.hreflang === 'x-default').length, 1, `${where}: x-default`);
            for (const { hreflang, href } of links) {
                const url = new URL(href, `${site.url}/${lang}/${chapter}`).href;
                if (hreflang !== 'x-default') {
                    assert.ok(url.endsWith(`/${hreflang}/${chapter}`), `${where}: ${hreflang} -> ${href}`);
                }
                if (!checked.has(url)) {
                    checked.set(url, (await fetch(url, { method: 'HEAD' })).status);
                }
                assert.equal(checked.get(url), 200, `${where}: ${hreflang} -> ${href}`);
            }
            for (const other of LANGS) {
                const exists = (await fetch(`${site.url}/${other}/${chapter}`, { method: 'HEAD' })).status === 200;
                assert.equal(links.some(l => l.hreflang === other), exists, `${where}: ${other} listed iff it has the page`);
            }
            if (lang === 'en') {
                assert.equal(links.length, links.filter((l, i, a) =>
                    a.findIndex(m => m.hreflang === l.hreflang) === i).length, `${where}: no duplicate`);
            }
        }
    }
    assert.ok(checked.size > 100, `${checked.size} addresses checked`);
});

test('the site has a root 404.html in every language, leading to each book', async () => {
    const page = await site.open('404.html');
    const sections = await page.evaluate(() => Array.from(document.querySelectorAll('section'),
        s => ({ lang: s.lang, href: s.querySelector('a').href })));
    assert.deepEqual(sections.map(s => s.lang), LANGS);
    for (const { href } of sections) {
        assert.equal((await fetch(href, { method: 'HEAD' })).status, 200, href);
    }
    page.assertClean();
});
