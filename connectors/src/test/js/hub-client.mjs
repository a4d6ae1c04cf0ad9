// Connects the official SignalR JavaScript client to the gateway simulator exactly as the
// ProjectX documentation shows, subscribes on both hubs and prints every event as one JSON line
// on stdout. Exits 0 once it has seen a position, an order, a trade and a quote event; exits 2
// (naming what is missing) if they do not all arrive within the time limit.
//
// usage: node hub-client.mjs <baseUrl> <token> <accountId> <contractId> [timeoutMs]
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';

const [baseUrl, token, accountIdText, contractId, timeoutText] = process.argv.slice(2);
if (!baseUrl || !token || !accountIdText || !contractId) {
  console.error('usage: node hub-client.mjs <baseUrl> <token> <accountId> <contractId> [timeoutMs]');
  process.exit(64);
}
const accountId = Number(accountIdText);
const timeoutMs = Number(timeoutText ?? 30000);

const print = (line) => process.stdout.write(JSON.stringify(line) + '\n');

function connect(hubPath) {
  const url = `${baseUrl}${hubPath}`;
  return new HubConnectionBuilder()
    .withUrl(url + '?access_token=' + token, {
      skipNegotiation: true,
      transport: HttpTransportType.WebSockets,
      accessTokenFactory: () => token,
    })
    .configureLogging(LogLevel.Warning)
    .build();
}

const wanted = new Set(['GatewayUserPosition', 'GatewayUserOrder', 'GatewayUserTrade', 'GatewayQuote']);
const user = connect('/hubs/user');
const market = connect('/hubs/market');

let finished = false;
async function finish(code, message) {
  if (finished) return;
  finished = true;
  if (message) print({ event: 'end', message });
  await Promise.allSettled([user.stop(), market.stop()]);
  process.exit(code);
}

function seen(target) {
  wanted.delete(target);
  if (wanted.size === 0) finish(0, 'all events seen');
}

for (const target of ['GatewayUserAccount', 'GatewayUserOrder', 'GatewayUserPosition', 'GatewayUserTrade']) {
  user.on(target, (data) => {
    print({ event: target, data });
    seen(target);
  });
}
for (const target of ['GatewayQuote', 'GatewayTrade', 'GatewayDepth']) {
  market.on(target, (id, data) => {
    print({ event: target, contractId: id, data });
    seen(target);
  });
}
user.onclose((error) => { if (!finished) finish(3, 'user hub closed: ' + (error ? error.message : 'no error')); });
market.onclose((error) => { if (!finished) finish(3, 'market hub closed: ' + (error ? error.message : 'no error')); });

setTimeout(() => finish(2, 'timed out; never saw ' + [...wanted].join(', ')), timeoutMs);

try {
  await Promise.all([user.start(), market.start()]);
  await user.invoke('SubscribeAccounts');
  await user.invoke('SubscribeOrders', accountId);
  await user.invoke('SubscribePositions', accountId);
  await user.invoke('SubscribeTrades', accountId);
  await market.invoke('SubscribeContractQuotes', contractId);
  await market.invoke('SubscribeContractTrades', contractId);
  await market.invoke('SubscribeContractMarketDepth', contractId);
  try {
    await user.invoke('NoSuchMethod', 1);
    print({ event: 'unknown-method', error: null });
  } catch (error) {
    print({ event: 'unknown-method', error: error.message });
  }
  print({ event: 'ready' });
} catch (error) {
  await finish(4, 'could not connect or subscribe: ' + error.message);
}
