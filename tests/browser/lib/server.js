// A small static server for the built site (book/), on 127.0.0.1 and a port the
// system picks. It serves what `cargo xtask build` wrote, as a static host would:
// a folder means its index.html, and HEAD works (the language picker uses it).
// With `gzip: true` it compresses text the way a real host does, for measuring.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.woff2': 'font/woff2',
    '.wasm': 'application/wasm',
    '.txt': 'text/plain; charset=utf-8',
    // Pagefind's index files are already gzip-compressed binaries.
    '.pagefind': 'application/octet-stream',
    '.pf_meta': 'application/octet-stream',
    '.pf_index': 'application/octet-stream',
    '.pf_fragment': 'application/octet-stream',
    '.pf_filter': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/** Serves `root` on 127.0.0.1 (on `port`, or one the system picks); resolves to { url, requests, close() }. */
export async function serve(root, { gzip = false, port: wanted = 0 } = {}) {
    const base = path.resolve(root);
    const requests = [];
    const server = http.createServer(async (req, res) => {
        requests.push({ method: req.method, url: req.url });
        try {
            const url = new URL(req.url, 'http://127.0.0.1');
            let file = path.join(base, decodeURIComponent(url.pathname));
            if (!file.startsWith(base)) {
                res.writeHead(403).end();
                return;
            }
            let info = await stat(file).catch(() => null);
            if (info && info.isDirectory()) {
                if (!url.pathname.endsWith('/')) {
                    res.writeHead(301, { location: url.pathname + '/' }).end();
                    return;
                }
                file = path.join(file, 'index.html');
                info = await stat(file).catch(() => null);
            }
            if (!info || !info.isFile()) {
                res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
                return;
            }
            const type = TYPES[path.extname(file)] || 'application/octet-stream';
            const headers = { 'content-type': type, 'cache-control': 'no-cache' };
            const compress = gzip && COMPRESSIBLE.test(type) &&
                /\bgzip\b/.test(req.headers['accept-encoding'] || '');
            if (compress) {
                headers['content-encoding'] = 'gzip';
                headers.vary = 'accept-encoding';
            } else {
                headers['content-length'] = info.size;
            }
            res.writeHead(200, headers);
            if (req.method === 'HEAD') {
                res.end();
                return;
            }
            const body = createReadStream(file);
            (compress ? body.pipe(zlib.createGzip({ level: 9 })) : body).pipe(res);
        } catch (error) {
            res.writeHead(500).end(String(error));
        }
    });
    await new Promise((resolve, reject) => {
        server.once('error', error => reject(error.code === 'EADDRINUSE'
            ? new Error(`port ${wanted} on 127.0.0.1 is busy: stop what listens there, or choose another`)
            : error));
        server.listen(wanted, '127.0.0.1', resolve);
    });
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise(resolve => {
            server.closeAllConnections();
            server.close(resolve);
        }),
    };
}
