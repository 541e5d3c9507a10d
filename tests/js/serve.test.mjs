// scripts/serve.mjs: MIME types the browser insists on, directory index, 404s, and no way
// out of the served folder. Runs against a throwaway folder, not web/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';

let dir;
let server;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-serve-'));
  await mkdir(join(dir, 'site/sub'), { recursive: true });
  await writeFile(join(dir, 'site/index.html'), '<p>home</p>');
  await writeFile(join(dir, 'site/sub/index.html'), '<p>sub</p>');
  await writeFile(join(dir, 'site/a.mjs'), 'export {};');
  await writeFile(join(dir, 'site/b.js'), '');
  await writeFile(join(dir, 'site/m.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await writeFile(join(dir, 'secret.txt'), 'outside');
  server = await startServer({ root: join(dir, 'site'), port: 0 });
});

after(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

// Raw GET that sends the path exactly as written (fetch would normalise "..").
function get(path) {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('url is on 127.0.0.1 with the port it got', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test('serves index.html for directories', async () => {
  assert.equal((await get('/')).body, '<p>home</p>');
  assert.equal((await get('/sub/')).body, '<p>sub</p>');
  const redirect = await get('/sub');
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.location, '/sub/');
});

test('MIME types: html, javascript for .mjs and .js, application/wasm', async () => {
  assert.match((await get('/index.html')).type, /^text\/html/);
  assert.match((await get('/a.mjs')).type, /^text\/javascript/);
  assert.match((await get('/b.js')).type, /^text\/javascript/);
  const wasm = await get('/m.wasm');
  assert.equal(wasm.type, 'application/wasm');
  assert.equal(wasm.body.length, 8);
});

test('missing files are 404', async () => {
  assert.equal((await get('/nope.html')).status, 404);
});

test('paths cannot leave the served folder', async () => {
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/sub/..%2f..%2fsecret.txt', '/a%00.mjs']) {
    const res = await get(path);
    assert.notEqual(res.body, 'outside', path);
    assert.ok([403, 404].includes(res.status), `${path} gave ${res.status}`);
  }
});

test('a port in use is reported by number', async () => {
  const port = Number(new URL(server.url).port);
  await assert.rejects(startServer({ root: dir, port }), new RegExp(`port ${port} .*already in use`));
});

test('every answer says nosniff, and a redirect never leaves this server', async () => {
  const { port } = new URL(server.url);
  const answers = [await get('/'), await get('/a.mjs'), await get('/nope.html'), await get('/../secret.txt'), await get('/sub')];
  const post = await new Promise((resolve, reject) => {
    request({ hostname: '127.0.0.1', port, path: '/', method: 'POST' }, (res) => resolve({ status: res.resume().statusCode, headers: res.headers })).on('error', reject).end();
  });
  assert.deepEqual([...answers, post].map((r) => r.status), [200, 200, 404, 403, 301, 405]);
  for (const r of [...answers, post]) assert.equal(r.headers['x-content-type-options'], 'nosniff', `status ${r.status}`);
  // paths that a URL parser reads as another host ("//sub" is the host "sub") or that spell
  // the folder oddly: each redirect is to /sub/ on this server, or the path is refused
  const odd = ['/.//sub', '//sub', '///sub', '/%2F%2Fsub', '/./sub', '/sub/../sub', '/\\sub', '/%5Csub', '//127.0.0.2/sub', '/.//sub?x=//evil'];
  for (const path of odd) {
    const res = await get(path);
    if (res.status === 301) assert.equal(res.headers.location, '/sub/', path);
    else assert.ok([403, 404].includes(res.status), `${path} gave ${res.status}`);
    assert.doesNotMatch(res.headers.location ?? '', /^\/\/|^[a-z]+:|\\/i, path);
  }
  assert.equal((await get('/.//sub')).status, 301, 'the case of issue 12 is a same-host redirect');
  // what is inside the served folder is served whichever way the path is spelt
  assert.equal((await get('//sub/')).body, '<p>sub</p>');
});
