// The search finds chapters by the words of each language: Persian with and
// without the zero-width non-joiner, Russian in another grammatical form, Thai
// from the middle of a sentence, and code identifiers; it is loaded only when
// opened, shows a title and a highlighted excerpt, and follows the keyboard.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { chapters, indexedText, mainText } from '../lib/pages.js';
import { allResults, search } from '../lib/search.js';
import { CHAPTER, LANGS, openSite, waitFor } from '../lib/site.js';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

const ZWNJ = '\u200c';

test('the search is in the menu bar of every book, and loads nothing until opened', async () => {
    for (const lang of LANGS) {
        const page = await site.open(`${lang}/${CHAPTER}`);
        assert.equal(await page.locator('#mdbook-menu-bar #book-search-toggle').count(), 1, lang);
        // mdBook's own search is gone.
        assert.equal(await page.locator('#mdbook-search-toggle').count(), 0, lang);
        await page.waitForLoadState('networkidle');
        assert.deepEqual(page.log.requests.filter(u => u.includes('/pagefind/')), [], lang);
        await page.click('#book-search-toggle');
        await waitFor(page, () => document.activeElement?.id === 'book-search-input',
            undefined, 'the search box');
        await page.waitForLoadState('networkidle');
        assert.ok(page.log.requests.some(u => u.endsWith(`/${lang}/pagefind/pagefind.js`)), lang);
        page.assertClean();
    }
});

for (const lang of LANGS) {
    test(`${lang}: a code identifier, WaitGroup, finds the chapter`, async () => {
        const page = await site.open(`${lang}/index.html`);
        const results = await search(page, 'WaitGroup');
        assert.ok(results.length > 0, 'results');
        assert.ok(results[0].title.length > 0, 'the first result has a title');
        assert.ok(results[0].marks.some(m => /waitgroup/i.test(m)), JSON.stringify(results[0]));
        assert.ok((await allResults(page)).includes(`/${lang}/${CHAPTER}`));
        page.assertClean();
    });
}

test('en: `select!` finds the chapters that use the macro, highlighted as written', async () => {
    const page = await site.open('en/index.html');
    const results = await search(page, 'select!');
    assert.ok(results.some(r => r.marks.includes('select!')),
        JSON.stringify(results.map(r => r.marks)));
    page.assertClean();
});

test('fa: a word finds the same pages with and without ZWNJ, right to left', async () => {
    const page = await site.open('fa/index.html');
    const word = `برنامه${ZWNJ}های`; // "programs of", as the book writes it
    assert.ok((await mainText('fa', CHAPTER)).includes(word));
    const found = {};
    for (const query of [
        word,
        word.replace(ZWNJ, ''), // typed without the ZWNJ
        word.replace(ZWNJ, ' '), // typed with a space
        word.replace(ZWNJ, '').replace('ی', 'ي'), // Arabic keyboard: ي for ی
    ]) {
        const results = await search(page, query);
        assert.ok(results.length > 0, `results for ${JSON.stringify(query)}`);
        assert.ok(results[0].marks.some(m => m.startsWith('برنامه')), JSON.stringify(results[0]));
        found[query] = (await allResults(page)).sort();
        assert.ok(found[query].includes(`/fa/${CHAPTER}`), `${JSON.stringify(query)}: ${found[query]}`);
    }
    const [first, ...rest] = Object.values(found);
    for (const other of rest) {
        assert.deepEqual(other, first, 'the same pages');
    }
    const direction = await page.evaluate(() => ({
        panel: getComputedStyle(document.getElementById('book-search')).direction,
        excerpt: getComputedStyle(document.querySelector('.book-search-excerpt')).direction,
        input: getComputedStyle(document.getElementById('book-search-input')).direction,
    }));
    assert.deepEqual(direction, { panel: 'rtl', excerpt: 'rtl', input: 'rtl' });
    page.assertClean();
});

test('ru: a word in another grammatical form finds the chapter (stemming)', async () => {
    const page = await site.open('ru/index.html');
    // "Goroutine" in a case no Russian page uses (the chapter has "горутины",
    // "горутин", "горутину", ...): only the stem can match. Not merely one the chapter
    // does not use: when some page has the exact word, Pagefind returns only the pages
    // with it (the chapter lost "горутиной" to patterns/index that way).
    const text = (await mainText('ru', CHAPTER)).toLowerCase();
    const words = new Set(text.match(/[а-яё]+/g));
    const everywhere = new Set();
    for (const chapter of await chapters('ru')) {
        for (const word of (await mainText('ru', chapter)).toLowerCase().match(/[а-яё]+/g) || []) {
            everywhere.add(word);
        }
    }
    const query = ['горутиной', 'горутине', 'горутинам', 'горутинах', 'горутинами', 'горутиною']
        .find(form => !everywhere.has(form));
    assert.ok(query, 'a form of "горутина" that the chapter does not use');
    assert.ok(words.has('горутины') || words.has('горутина'));
    const results = await search(page, query);
    assert.ok(results.length > 0);
    assert.ok(results[0].marks.some(m => /^горутин/i.test(m)), JSON.stringify(results[0]));
    assert.ok((await allResults(page)).includes(`/ru/${CHAPTER}`));
    page.assertClean();
});

test('th: a word from the middle of a sentence finds the chapter', async () => {
    const page = await site.open('th/index.html');
    const word = 'ปฏิบัติการ'; // "operating", inside ระบบปฏิบัติการจริง, no spaces around it
    const text = await mainText('th', CHAPTER);
    assert.match(text, new RegExp(`[\\u0e00-\\u0e7f]${word}[\\u0e00-\\u0e7f]`));
    const results = await search(page, word);
    assert.ok(results.length > 0);
    assert.ok(results.some(r => r.path === `/th/${CHAPTER}` && r.marks.some(m => word.includes(m) || m.includes(word))),
        JSON.stringify(results));
    page.assertClean();
});

// Thai writes vowels and tone marks as combining marks, which Pagefind folds away
// (ชื่อ "name" and ช่อง "slot" are both ชอ... to it); the book's search keeps only
// the pages that hold the words as typed (theme/search.js).

/**
 * Whether `text` holds `word` without cutting a syllable: not right after a vowel
 * written before its consonant (ชื่อ is not in เชื่อม), not before a vowel or tone
 * mark of its last letter.
 */
function holds(text, word) {
    return new RegExp(`(?<![\u0e40-\u0e44])${word}(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])`, 'i')
        .test(text);
}

/** The Thai chapters whose indexed text holds every one of `words`. */
async function thaiPagesWith(...words) {
    const pages = [];
    for (const chapter of await chapters('th')) {
        const text = await indexedText('th', chapter);
        if (words.every(word => holds(text, word))) {
            pages.push(`/th/${chapter}`);
        }
    }
    return pages.sort();
}

test('th: a word finds exactly the pages that hold it: ชื่อ ("name") is not ช่อง ("slot")', async () => {
    const word = 'ชื่อ';
    const expected = await thaiPagesWith(word);
    // Pages with the look-alike and not the word: what Pagefind alone would add;
    // and pages with the word's letters only inside เชื่อม ("connect"), which a
    // search for the letters as a string would add.
    const lookAlikes = (await thaiPagesWith('ช่อง')).filter(p => !expected.includes(p));
    const inside = (await thaiPagesWith('เชื่อ')).filter(p => !expected.includes(p));
    assert.ok(expected.length > 0 && lookAlikes.length > 0 && inside.length > 0,
        `${expected} / ${lookAlikes} / ${inside}`);
    const page = await site.open('th/index.html');
    const results = await search(page, word);
    assert.ok(results.length > 0);
    for (const r of results) {
        assert.ok(r.marks.length > 0 && r.marks.every(m => m === word), JSON.stringify(r));
    }
    assert.deepEqual((await allResults(page)).sort(), expected);
    page.assertClean();
});

test('th: a word that is not in the book finds nothing, though Pagefind alone finds pages', async () => {
    const word = 'ชื้น'; // "damp": ชน without its marks, as ชนิด ("kind") begins
    for (const chapter of await chapters('th')) {
        assert.ok(!(await indexedText('th', chapter)).includes(word), `${chapter} has ${word}`);
    }
    const page = await site.open('th/index.html');
    const results = await search(page, word);
    assert.deepEqual(results, []);
    assert.match(await page.textContent('.book-search-status'), /ไม่พบผลลัพธ์/);
    // Pagefind's own answer, from the module the search has loaded.
    const raw = await page.evaluate(async q => {
        const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI).href);
        return (await pagefind.search(q)).results.length;
    }, word);
    assert.ok(raw > 0, 'Pagefind alone finds nothing: the test cannot tell');
    page.assertClean();
});

test('th: two words find the pages that hold both; written together, the pages that hold the phrase', async () => {
    const [cancel, work] = ['ยกเลิก', 'งาน']; // "cancel", "work"
    const both = await thaiPagesWith(cancel, work);
    const phrase = await thaiPagesWith(cancel + work);
    // Each word alone is on pages without the other, and the phrase is rarer than
    // the pair: a search that ignored a word, or the spacing, would show it.
    assert.ok((await thaiPagesWith(work)).length > both.length);
    assert.ok((await thaiPagesWith(cancel)).length > both.length);
    assert.ok(phrase.length > 0 && phrase.length < both.length, `${phrase} / ${both}`);

    const page = await site.open('th/index.html');
    const results = await search(page, `${cancel} ${work}`);
    assert.ok(results.length > 0);
    assert.ok(results.every(r => r.marks.every(m => m === cancel || m === work)),
        JSON.stringify(results.map(r => r.marks)));
    assert.ok(results.some(r => r.marks.includes(cancel) && r.marks.includes(work)),
        'an excerpt with both words');
    assert.deepEqual((await allResults(page)).sort(), both);

    const together = await search(page, cancel + work);
    assert.ok(together.every(r => r.marks.includes(cancel + work)), JSON.stringify(together));
    assert.deepEqual((await allResults(page)).sort(), phrase);
    page.assertClean();
});

test('th: a compound is found and marked whole, not as its parts', async () => {
    const word = 'ระบบปฏิบัติการ'; // "operating system": ระบบ + ปฏิบัติ + การ
    const page = await site.open('th/index.html');
    const results = await search(page, word);
    assert.ok(results.length > 0);
    assert.ok(results.every(r => r.marks.length > 0 && r.marks.every(m => m === word)),
        JSON.stringify(results.map(r => r.marks)));
    assert.deepEqual((await allResults(page)).sort(), await thaiPagesWith(word));
    page.assertClean();
});

test('keyboard: `s` and `/` open the search, arrows and Enter open a result, Escape closes', async () => {
    const page = await site.open(`en/${CHAPTER}`);
    await page.keyboard.press('s');
    await waitFor(page, () => document.activeElement?.id === 'book-search-input',
        undefined, 's to open the search');
    // The key that opened the search is not typed into it.
    assert.equal(await page.inputValue('#book-search-input'), '');
    await page.keyboard.press('Escape');
    assert.ok(await page.locator('#book-search').isHidden());
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'book-search-toggle');

    const results = await search(page, 'fork join', { key: '/' });
    assert.ok(results.length > 0);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.href), results[0].href);
    if (results.length > 1) {
        await page.keyboard.press('ArrowDown');
        assert.equal(await page.evaluate(() => document.activeElement?.href), results[1].href);
        await page.keyboard.press('ArrowUp');
    }
    await Promise.all([
        page.waitForURL(results[0].href),
        page.keyboard.press('Enter'),
    ]);
    assert.equal(new URL(page.url()).pathname, results[0].path);
    page.assertClean();
});
