import { waitFor } from './site.js';

/**
 * Opens the search with the `/` key, types `query` and returns the results as the
 * reader sees them: link, title and the highlighted words of each.
 */
export async function search(page, query, { key = '/' } = {}) {
    if (await page.locator('#book-search').isHidden()) {
        await page.locator('body').click({ position: { x: 5, y: 300 } });
        await page.keyboard.press(key);
    } else {
        await page.focus('#book-search-input');
    }
    await waitFor(page, () => document.activeElement?.id === 'book-search-input',
        undefined, 'the search box to take the focus');
    await page.fill('#book-search-input', query);
    await waitFor(page, q => {
        const panel = document.getElementById('book-search');
        const status = panel.querySelector('.book-search-status').textContent;
        return !panel.classList.contains('book-search-busy') && status.includes(q.trim());
    }, query, `the results for "${query}"`);
    return page.$$eval('#book-search-results a', links => links.map(a => ({
        href: a.href,
        path: new URL(a.href).pathname,
        title: a.querySelector('.book-search-title').textContent,
        excerpt: a.querySelector('.book-search-excerpt').textContent,
        marks: Array.from(a.querySelectorAll('mark'), m => m.textContent),
    })));
}

/** Every result, with "more" clicked until there are no more. */
export async function allResults(page) {
    const more = page.locator('.book-search-more');
    for (let i = 0; i < 20 && await more.isVisible(); i++) {
        const before = await page.locator('#book-search-results a').count();
        await more.click();
        await waitFor(page, n => document.querySelectorAll('#book-search-results a').length > n,
            before, 'more results');
    }
    return page.$$eval('#book-search-results a', links => links.map(a => new URL(a.href).pathname));
}
