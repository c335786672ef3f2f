// Reference endpoint for the notification benchmark: Node's own `http` server doing the
// least a correct WeChat v2 notify handler must do (parse the flat XML, verify the MD5
// signature with the merchant key, reply), with no database. scripts/bench loads it with
// bench_notify's generator and reports Shouyin's figure as a ratio to this one.
//
//   node notify-node.js <merchant key>     (prints "port N" once listening)
'use strict';
const http = require('http');
const crypto = require('crypto');

const key = process.argv[2];
const field = /<(\w+)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g;
const entities = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

function verified(xml) {
  const params = {};
  const inner = xml.replace(/^\s*<xml>/, '').replace(/<\/xml>\s*$/, '');
  for (const m of inner.matchAll(field)) {
    params[m[1]] = m[2] !== undefined ? m[2] : m[3].replace(/&(lt|gt|amp|quot|apos);/g, (e) => entities[e]);
  }
  if (!params.sign) return false;
  const canonical = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  const sign = crypto.createHash('md5').update(`${canonical}&key=${key}`, 'utf8').digest('hex').toUpperCase();
  return sign === params.sign;
}

const reply = (ok) =>
  ok
    ? '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>'
    : '<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[SIGNERROR]]></return_msg></xml>';

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = reply(verified(Buffer.concat(chunks).toString('utf8')));
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', 1024, () => console.log(`port ${server.address().port}`));
