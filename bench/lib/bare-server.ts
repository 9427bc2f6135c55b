// The baseline: a bare socket.io 4.8 server with nothing but what a broadcast needs. Run as its
// own process: `tsx bench/lib/bare-server.ts` with PORT. `PUT /api/docs {id,name}` emits the very
// payload our server emits for that update, `{action:'update', table:'docs', ids:[id]}`, on the
// `/data` namespace, then answers like ours does (`[{id,name,version}]`). The same socket.io options
// as apps/server/src/adapters/socket-io.adapter.ts (serveClient off, CORS list, an origin check at
// the handshake; otherwise defaults: no perMessageDeflate, default ping); clients use websocket only.
import http from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const origins = (process.env.CORS_ORIGINS ?? '').split(',').filter(Boolean);
let version = 1;

const httpServer = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/api/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (req.method === 'PUT' && req.url === '/api/docs') {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        id: string;
        name: string;
      };
      version++;
      io.of('/data').emit('message', { action: 'update', table: 'docs', ids: [body.id] });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify([{ id: body.id, name: body.name, version }]));
    });
    return;
  }
  res.writeHead(404).end();
});

const io = new Server(httpServer, {
  serveClient: false,
  cors: { origin: origins },
  allowRequest: (request, callback) => {
    const origin = request.headers.origin;
    callback(null, origin === undefined || origins.includes(origin));
  },
});
io.of('/data');

httpServer.listen(port, '127.0.0.1', () =>
  console.log(`bare socket.io server on 127.0.0.1:${port}`),
);
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
