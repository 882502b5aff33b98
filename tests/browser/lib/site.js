// The site under test: the built book/ served on 127.0.0.1, and headless Chromium
// (Debian's package, never a downloaded browser) with every request that would
// leave 127.0.0.1 blocked and recorded.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { serve } from './server.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The built site: BOOK_DIR, or the repository's book/. */
export const BOOK_DIR = path.resolve(process.env.BOOK_DIR || path.join(here, '../../../book'));
export const SCREENSHOTS = path.join(here, '../screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

export const LANGS = ['en', 'fa', 'ru', 'th'];
/** A chapter that every language has, with a mermaid diagram. */
export const CHAPTER = 'building-blocks/goroutines-and-channels.html';
/** mdBook's themes: light ones and dark ones. */
export const LIGHT_THEMES = ['light', 'rust'];
export const DARK_THEMES = ['navy', 'coal', 'ayu'];

/**
 * Starts the server (for the built site, or another `root`) and the browser.
 * `site.open(path, options)` opens a page in a
 * fresh context and records what it does; `site.close()` stops both.
 */
export async function openSite({ gzip = false, root = BOOK_DIR } = {}) {
    const server = await serve(root, { gzip });
    const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        headless: true,
    });
    const contexts = [];

    /**
     * Options: `theme`, `viewport`, `waitForFonts`, `noPrintDialog`, `initScript`, and
     * `rewrite(pathname, text)`, which may return another text for an HTML, JS or CSS
     * file of the site as it is served.
     */
    async function open(pagePath, { theme, viewport, waitForFonts = true, noPrintDialog = false, initScript, rewrite } = {}) {
        const context = await browser.newContext({
            viewport: viewport || { width: 1280, height: 900 },
            serviceWorkers: 'block',
        });
        contexts.push(context);
        if (theme) {
            await context.addInitScript(name => {
                try {
                    localStorage.setItem('mdbook-theme', name);
                } catch (e) { /* storage off: the default theme */ }
            }, theme);
        }
        if (initScript) {
            await context.addInitScript(initScript);
        }
        if (noPrintDialog) {
            // mdBook's print page calls window.print() once it is loaded; a test that
            // prints it itself (page.pdf) must not find it printing already.
            await context.addInitScript(() => { window.print = () => {}; });
        }
        const log = { outside: [], errors: [], failed: [], requests: [] };
        // Nothing may leave 127.0.0.1: such a request is recorded and refused.
        await context.route('**/*', route => {
            const url = new URL(route.request().url());
            if (url.origin === server.url) {
                if (rewrite && /\.(html|js|css)$/.test(url.pathname)) {
                    return route.fetch().then(async response => {
                        const text = await response.text();
                        const body = rewrite(url.pathname, text) ?? text;
                        return route.fulfill({ response, body });
                    });
                }
                return route.continue();
            }
            log.outside.push(url.href);
            return route.abort('blockedbyclient');
        });
        const page = await context.newPage();
        page.on('console', message => {
            if (message.type() === 'error') {
                log.errors.push(`console: ${message.text()}`);
            }
        });
        page.on('pageerror', error => log.errors.push(`page: ${error.message}`));
        page.on('request', request => log.requests.push(request.url()));
        page.on('requestfailed', async request => {
            const url = new URL(request.url());
            // A HEAD (the language picker's check) ends "aborted" once its
            // answer is in, as it has no body: that is no failure.
            const answered = await request.response().catch(() => null);
            if (url.origin === server.url && !(answered && answered.ok())) {
                log.failed.push(`${request.method()} ${url.pathname}: ${request.failure()?.errorText}`);
            }
        });
        page.on('response', response => {
            if (response.status() >= 400) {
                log.failed.push(`${response.request().method()} ${new URL(response.url()).pathname}: ${response.status()}`);
            }
        });
        await page.goto(`${server.url}/${pagePath}`, { waitUntil: 'load' });
        if (waitForFonts) {
            await page.evaluate(() => document.fonts.ready.then(() => undefined));
        }
        /** Fails on a request that left 127.0.0.1, a console error, or a failed load. */
        page.assertClean = () => {
            assert.deepEqual(log.outside, [], 'requests that left 127.0.0.1');
            assert.deepEqual(log.errors, [], 'console errors');
            assert.deepEqual(log.failed, [], 'failed requests');
        };
        page.log = log;
        return page;
    }

    return {
        url: server.url,
        server,
        browser,
        open,
        async close() {
            for (const context of contexts) {
                await context.close().catch(() => {});
            }
            await browser.close();
            await server.close();
        },
    };
}

/** Writes screenshots/<name>.png: the viewport, or one element (a locator). */
export async function screenshot(page, name, element) {
    await mkdir(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await (element || page).screenshot({ path: file });
    return file;
}

/** Waits for a condition in the page, with a message when it does not come. */
export async function waitFor(page, fn, arg, what, timeout = 15000) {
    try {
        await page.waitForFunction(fn, arg, { timeout, polling: 50 });
    } catch (error) {
        throw new Error(`timed out waiting for ${what}: ${error.message.split('\n')[0]}`);
    }
}
