/**
 * The SignalR JSON hub protocol (version 1) as used by the ProjectX hubs, shared by the hub client
 * and the gateway simulator: {@link riskguard.connectors.signalr.RecordBuffer} splits incoming text
 * at the record separator, {@link riskguard.connectors.signalr.HubProtocol} turns one record into a
 * {@link riskguard.connectors.signalr.HubMessage} and back. Stream messages (types 2, 4, 5) are not
 * used by ProjectX and are reported as unsupported.
 */
package riskguard.connectors.signalr;
