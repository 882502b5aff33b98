// Measures, in headless Chromium, what a reader's browser fetches for one chapter
// per language (fonts included) and how soon it draws, and the size of each
// book's search index. Prints tables; asserts nothing (`npm run measure`).
//
// Bytes are what crossed the wire (CDP Network.loadingFinished encodedDataLength:
// headers and body), once as the test server sends them (uncompressed) and once
// gzip-compressed as a static host would. Time to first render is the page's
// first-contentful-paint; "load" is the load event; both from the Performance
// API, on this machine, with the server on 127.0.0.1.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

import { chapters, hasDiagram, html } from './lib/pages.js';
import { search } from './lib/search.js';
import { BOOK_DIR, CHAPTER, LANGS, openSite, waitFor } from './lib/site.js';

/** A chapter without a diagram, from the building blocks part if there is one. */
async function chapterWithoutDiagram(lang) {
    const all = await chapters(lang);
    const ordered = [
        ...all.filter(p => p.startsWith('building-blocks/') && !p.endsWith('index.html')),
        ...all,
    ];
    for (const page of ordered) {
        if (!hasDiagram(await html(lang, page))) {
            return page;
        }
    }
    return null;
}

function kind(url, mime) {
    const p = new URL(url).pathname;
    if (/\.woff2$/.test(p)) return 'fonts';
    if (/mermaid\.min\.js$/.test(p)) return 'mermaid';
    if (/\/pagefind\//.test(p)) return 'search';
    if (/\.css$/.test(p)) return 'css';
    if (/\.js$/.test(p)) return 'js';
    if (/html/.test(mime)) return 'html';
    return 'other';
}

/**
 * Loads `pagePath` in a fresh context (so with an empty cache); returns the bytes
 * fetched, by kind, and the timings. Requests of the page's workers (Pagefind
 * searches in one) are counted too.
 */
async function load(site, pagePath, { diagram, query } = {}) {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const fetched = [];
    const pending = [];
    page.on('requestfinished', request => {
        pending.push(request.sizes().then(sizes => {
            const response = sizes.responseHeadersSize + sizes.responseBodySize;
            fetched.push({ url: request.url(), type: request.resourceType(), bytes: response });
        }).catch(() => {}));
    });
    await page.goto(`${site.url}/${pagePath}`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    if (diagram) {
        await waitFor(page, () => document.querySelector('pre.mermaid svg g.node'),
            undefined, 'mermaid', 30000);
    }
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const timing = await page.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const nav = performance.getEntriesByType('navigation')[0];
        return { fcp: paint ? paint.startTime : NaN, load: nav.loadEventEnd };
    });
    const sum = list => list.reduce((n, r) => n + r.bytes, 0);
    const pageLoad = fetched.slice();
    const byKind = {};
    for (const r of pageLoad) {
        const k = kind(r.url, r.type === 'document' ? 'html' : '');
        byKind[k] = (byKind[k] || 0) + r.bytes;
    }
    const result = { total: sum(pageLoad), requests: pageLoad.length, byKind, ...timing };
    if (query) {
        await search(page, query);
        await page.waitForLoadState('networkidle');
        await Promise.all(pending);
        const searching = fetched.slice(pageLoad.length);
        result.search = {
            bytes: sum(searching),
            requests: searching.length,
            index: sum(searching.filter(r => /\.pf_|pagefind-entry/.test(r.url))),
        };
    }
    await context.close();
    return result;
}

async function dirSize(dir, filter = () => true) {
    let total = 0;
    for (const entry of await readdir(dir, { recursive: true })) {
        const file = path.join(dir, entry);
        const info = await stat(file);
        if (info.isFile() && filter(entry)) {
            total += info.size;
        }
    }
    return total;
}

const kb = n => `${(n / 1024).toFixed(1)} KB`;
const ms = n => `${Math.round(n)} ms`;

const QUERY = { en: 'WaitGroup', fa: 'گوروتین‌ها', ru: 'горутинах', th: 'ปฏิบัติการ' };

const plain = await openSite();
const gzip = await openSite({ gzip: true });
try {
    console.log('\nOne chapter per language, cache empty (bytes on the wire; fonts included)\n');
    console.log('| lang | page | diagram | requests | uncompressed | gzip | of which fonts | first render (FCP) | load |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const lang of LANGS) {
        for (const [page, diagram] of [[await chapterWithoutDiagram(lang), false], [CHAPTER, true]]) {
            if (!page) {
                continue;
            }
            const a = await load(plain, `${lang}/${page}`, { diagram });
            const b = await load(gzip, `${lang}/${page}`, { diagram });
            console.log(`| ${lang} | ${page} | ${diagram ? 'yes' : 'no'} | ${a.requests} | ${kb(a.total)} | ` +
                `${kb(b.total)} | ${kb(b.byKind.fonts || 0)} | ${ms(b.fcp)} | ${ms(b.load)} |`);
            if (process.env.VERBOSE) {
                console.log('   ', JSON.stringify({ plain: a.byKind, gzip: b.byKind }));
            }
        }
    }

    console.log('\nSearch index per language (book/<lang>/pagefind/), and what one search fetches\n');
    console.log('| lang | pages | index (meta, words, fragments) | whole folder (with pagefind.js, worker, wasm) | one search fetches |');
    console.log('|---|---|---|---|---|');
    for (const lang of LANGS) {
        const dir = path.join(BOOK_DIR, lang, 'pagefind');
        const index = await dirSize(dir, f => /\.pf_|^(index|fragment|filter)\//.test(f));
        const whole = await dirSize(dir);
        const r = await load(gzip, `${lang}/index.html`, { query: QUERY[lang] });
        const pages = (await chapters(lang)).length;
        console.log(`| ${lang} | ${pages} | ${kb(index)} | ${kb(whole)} | ` +
            `${kb(r.search.bytes)} in ${r.search.requests} requests, of which index ${kb(r.search.index)} ("${QUERY[lang]}") |`);
    }
} finally {
    await plain.close();
    await gzip.close();
}
