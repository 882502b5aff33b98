// The language picker takes the reader to the same chapter in the other language.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import path from 'node:path';

import { BOOK_DIR, CHAPTER, LANGS, openSite } from '../lib/site.js';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

test('the chapter exists in every language', async () => {
    for (const lang of LANGS) {
        const response = await fetch(`${site.url}/${lang}/${CHAPTER}`, { method: 'HEAD' });
        assert.equal(response.status, 200, `${lang}/${CHAPTER}`);
    }
});

test('the picker goes to the same chapter in each language, and back', async () => {
    const page = await site.open(`en/${CHAPTER}`);
    const tour = [...LANGS.slice(1), LANGS[0]]; // en -> fa -> ru -> th -> en
    for (const lang of tour) {
        await page.click('#lang-picker-toggle');
        await page.locator('#lang-picker-list').waitFor({ state: 'visible' });
        await Promise.all([
            page.waitForURL(`**/${lang}/${CHAPTER}`, { timeout: 15000 }),
            page.click(`#lang-picker-list a[data-lang="${lang}"]`),
        ]);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'fa' ? 'rtl' : 'ltr');
        assert.ok(await page.locator('main h1').count() > 0, `${lang}: the chapter has a title`);
    }
    page.assertClean();
});

test('the picker can be worked with the keyboard', async () => {
    const page = await site.open(`ru/${CHAPTER}`);
    await page.focus('#lang-picker-toggle');
    await page.keyboard.press('Enter');
    await page.locator('#lang-picker-list').waitFor({ state: 'visible' });
    // The current language has the focus; Escape closes and gives it back.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.lang), 'ru');
    await page.keyboard.press('Escape');
    await page.locator('#lang-picker-list').waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'lang-picker-toggle');
    page.assertClean();
});

test('a book served alone, as plain `mdbook serve` serves it, has no picker and asks for nothing', async () => {
    const alone = await openSite({ root: path.join(BOOK_DIR, 'fa') });
    try {
        const page = await alone.open(CHAPTER);
        await page.waitForLoadState('networkidle');
        assert.equal(await page.locator('#lang-picker-toggle').count(), 0);
        assert.ok(await page.locator('main h1').count() > 0, 'the chapter is there');
        page.assertClean(); // no 404 from a look for the other books
    } finally {
        await alone.close();
    }
});

test('a language whose book is not on the server is listed, but not linked', async () => {
    const page = await site.open(`en/${CHAPTER}`);
    await page.route('**/ru/**', route => route.fulfill({ status: 404, body: '' }));
    await page.click('#lang-picker-toggle');
    const ru = page.locator('#lang-picker-list a[data-lang="ru"]');
    await ru.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.querySelector(
        '#lang-picker-list a[data-lang="ru"]').getAttribute('aria-disabled') === 'true');
    assert.equal(await ru.getAttribute('href'), null);
    for (const lang of ['fa', 'th']) {
        const href = await page.locator(`#lang-picker-list a[data-lang="${lang}"]`).getAttribute('href');
        assert.ok(href.endsWith(`/${lang}/${CHAPTER}`), `${lang}: ${href}`);
    }
    // Disabled as a menu item: assistive technology says so (and Playwright will not click it).
    assert.equal(await ru.isDisabled(), true);
});
