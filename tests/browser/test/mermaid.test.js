// Diagrams are drawn (SVG) where there are some, and mermaid is not even
// fetched where there are none.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { pageWithoutDiagram } from '../lib/pages.js';
import { CHAPTER, LANGS, openSite, waitFor } from '../lib/site.js';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

for (const lang of LANGS) {
    test(`${lang}: the diagram of ${CHAPTER} is drawn as SVG`, async () => {
        const page = await site.open(`${lang}/${CHAPTER}`);
        await waitFor(page, () => {
            const blocks = document.querySelectorAll('pre.mermaid');
            return blocks.length > 0 &&
                Array.from(blocks).every(b => b.querySelector('svg g.node') !== null);
        }, undefined, 'mermaid to draw the diagrams', 30000);
        const diagram = await page.evaluate(() => {
            const svg = document.querySelector('pre.mermaid svg');
            const box = svg.getBoundingClientRect();
            return {
                nodes: svg.querySelectorAll('g.node').length,
                width: box.width,
                height: box.height,
                failed: document.querySelectorAll('pre.mermaid.mermaid-failed').length,
            };
        });
        assert.equal(diagram.failed, 0);
        assert.ok(diagram.nodes >= 2, `${diagram.nodes} nodes`);
        assert.ok(diagram.width > 100 && diagram.height > 50, `drawn ${diagram.width}x${diagram.height}`);
        assert.ok(page.log.requests.some(u => u.endsWith(`/${lang}/mermaid.min.js`)));
        page.assertClean();
    });

    test(`${lang}: a page without a diagram does not load mermaid`, async () => {
        const path = await pageWithoutDiagram(lang);
        const page = await site.open(`${lang}/${path}`);
        await page.waitForLoadState('networkidle');
        assert.equal(await page.locator('pre.mermaid').count(), 0);
        const mermaid = page.log.requests.filter(u => /mermaid(\.min)?\.js/.test(u) && !/loader/.test(u));
        assert.deepEqual(mermaid, [], `${path} fetched mermaid`);
        page.assertClean();
    });
}
