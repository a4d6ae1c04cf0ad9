/**
 * The ProjectX real-time hubs over SignalR: {@link riskguard.connectors.projectx.hub.HubConnection}
 * speaks the JSON hub protocol over an OkHttp WebSocket and keeps itself connected;
 * {@link riskguard.connectors.projectx.hub.UserHub} and
 * {@link riskguard.connectors.projectx.hub.MarketHub} add the ProjectX subscriptions and deliver
 * each event raw (as the daemon records it) and typed.
 */
package riskguard.connectors.projectx.hub;
