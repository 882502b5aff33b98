// Lighthouse on one chapter with a diagram per language, mobile and desktop, against
// the built site (book/) served gzip-compressed on 127.0.0.1 by Debian's Chromium.
// Accessibility, best practices and SEO must score 100 (they do not depend on the
// machine's load); performance is printed, not asserted (it does).
//
// A crawler wants the hreflang alternates absolute, so the site is built for the
// address it is served at here, as Pages builds it for its own:
//
//   SITE_URL=http://127.0.0.1:4173/ cargo xtask build
//   cd tests/browser && SITE_URL=http://127.0.0.1:4173/ npm run lighthouse

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

import { serve } from './lib/server.js';
import { BOOK_DIR, CHAPTER, CHROMIUM, LANGS } from './lib/site.js';

const ASSERTED = ['accessibility', 'best-practices', 'seo'];
const CATEGORIES = ['performance', ...ASSERTED];

const site = new URL(process.env.SITE_URL || 'http://127.0.0.1:4173/');
if (site.hostname !== '127.0.0.1' || !site.port || site.pathname !== '/') {
    console.error(`SITE_URL must be http://127.0.0.1:<port>/ (the build's and this server's), not ${site}`);
    process.exit(2);
}
const server = await serve(BOOK_DIR, { gzip: true, port: Number(site.port) });
const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const rows = [];
const failures = [];
try {
    for (const lang of LANGS) {
        for (const form of ['mobile', 'desktop']) {
            const url = `${server.url}/${lang}/${CHAPTER}`;
            const config = form === 'desktop' ? desktopConfig : undefined;
            const { lhr } = await lighthouse(url, {
                port: chrome.port,
                output: 'json',
                logLevel: 'error',
                onlyCategories: CATEGORIES,
            }, config);
            const score = id => Math.round((lhr.categories[id]?.score ?? 0) * 100);
            const metric = id => lhr.audits[id]?.displayValue ?? '?';
            rows.push({
                page: `${lang}/${CHAPTER}`, form, ...Object.fromEntries(CATEGORIES.map(c => [c, score(c)])),
                FCP: metric('first-contentful-paint'), LCP: metric('largest-contentful-paint'),
                TBT: metric('total-blocking-time'), CLS: metric('cumulative-layout-shift'),
            });
            if (process.env.VERBOSE) {
                const opportunities = Object.values(lhr.audits)
                    .filter(a => a.details?.type === 'opportunity' && a.score !== null && a.score < 1)
                    .map(a => `${a.id}: ${a.displayValue ?? ''} ${(a.details.items || []).map(i => i.url).join(' ')}`);
                const shifts = (lhr.audits['layout-shifts']?.details?.items || [])
                    .map(i => `${i.score?.toFixed?.(3)} ${i.node?.snippet?.slice(0, 120)} ${(i.subItems?.items || []).map(s => s.extra?.value ?? s.cause).join(',')}`);
                const lcp = lhr.audits['largest-contentful-paint-element']?.details?.items || [];
                console.log(lang, form, opportunities, shifts, JSON.stringify(lcp).slice(0, 800));
            }
            for (const id of ASSERTED) {
                if (score(id) === 100) {
                    continue;
                }
                const failed = lhr.categories[id].auditRefs
                    .map(ref => lhr.audits[ref.id])
                    .filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative'
                        && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
                    .map(a => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
                failures.push(`${lang} ${form} ${id} ${score(id)}: ${failed.join('; ') || '?'}`);
            }
        }
    }
} finally {
    await chrome.kill();
    await server.close();
}

console.table(rows);
if (failures.length > 0) {
    console.error(`Lighthouse below 100:\n  ${failures.join('\n  ')}`);
    process.exit(1);
}
console.log('lighthouse: accessibility, best practices and SEO are 100 on every page');
