/**
 * The ceiling for bench/serve.ts: Fastify 5 with nothing behind it, in its own process.
 * `GET /hello` answers {"hello":"world"}; `POST /hello` parses the same JSON body a predict
 * request carries and answers the same. Prints its URL once listening.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
app.get('/healthz', async () => ({ status: 'ok' }));
app.post('/hello', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
console.log(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`);
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
