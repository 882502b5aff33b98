// Accessibility findings of Lighthouse that the theme fixes, stock mdBook's included:
// the picker's accessible name contains its visible text; the listing captions have
// 4.5:1 contrast in every theme; the sidebar toggle's aria-expanded sits on an element
// whose role allows it; the sidebar's links are at least 24 px tall (WCAG 2.2 target size).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { installContrast } from '../lib/contrast.js';
import { CHAPTER, DARK_THEMES, LANGS, LIGHT_THEMES, openSite } from '../lib/site.js';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

test('the picker\'s accessible name contains its visible text', async () => {
    for (const lang of LANGS) {
        const page = await site.open(`${lang}/${CHAPTER}`);
        // The name as the accessibility tree has it; the text as it shows (not what is
        // clipped away for screen readers only).
        const snapshot = await page.locator('#lang-picker-toggle').ariaSnapshot();
        const name = (snapshot.match(/button "([^"]*)"/) || [])[1];
        const visible = await page.evaluate(() => Array.from(
            document.querySelectorAll('#lang-picker-toggle span'),
            span => {
                const box = span.getBoundingClientRect();
                return box.width > 1 && box.height > 1 ? span.innerText.trim() : '';
            }).join('').trim());
        assert.ok(visible.length > 0, `${lang}: the button shows its language`);
        assert.ok(name && name.includes(visible), `${lang}: "${name}" (${snapshot}) has "${visible}"`);
        page.assertClean();
    }
});

for (const theme of [...LIGHT_THEMES, ...DARK_THEMES]) {
    test(`${theme}: the listing captions have 4.5:1 contrast`, async () => {
        const page = await site.open(`en/${CHAPTER}`, { theme });
        await installContrast(page);
        const ratios = await page.evaluate(() => Array.from(
            document.querySelectorAll('.listing-caption'),
            el => ({ text: el.textContent.trim().slice(0, 30), ...window.__contrast.text(el) })));
        assert.ok(ratios.length > 0, 'captions found');
        const worst = ratios.reduce((a, b) => (a.ratio < b.ratio ? a : b));
        assert.ok(worst.ratio >= 4.5, `${theme}: ${JSON.stringify(worst)}`);
    });
}

test('the sidebar toggle is a button the keyboard works, and the sidebar links are 24 px tall', async () => {
    const page = await site.open(`ru/${CHAPTER}`);
    const toggle = () => page.evaluate(() => {
        const el = document.getElementById('mdbook-sidebar-toggle');
        return {
            tag: el.tagName,
            expanded: el.getAttribute('aria-expanded'),
            visible: document.documentElement.classList.contains('sidebar-visible'),
        };
    });
    assert.deepEqual(await toggle(), { tag: 'BUTTON', expanded: 'true', visible: true });
    await page.focus('#mdbook-sidebar-toggle');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.documentElement.classList.contains('sidebar-visible'));
    assert.deepEqual(await toggle(), { tag: 'BUTTON', expanded: 'false', visible: false });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.documentElement.classList.contains('sidebar-visible'));
    assert.deepEqual(await toggle(), { tag: 'BUTTON', expanded: 'true', visible: true });
    await page.locator('#mdbook-sidebar a').first().waitFor();
    const heights = await page.evaluate(() => Array.from(
        document.querySelectorAll('#mdbook-sidebar a'),
        a => ({ text: a.textContent.trim().slice(0, 30), height: a.getBoundingClientRect().height })));
    assert.ok(heights.length > 20, 'sidebar links found');
    assert.deepEqual(heights.filter(h => h.height < 24), [], 'links under 24 px');
    page.assertClean();
});
