/**
 * The ProjectX Gateway REST client: {@link riskguard.connectors.projectx.rest.ProjectXRestClient}.
 * It owns the token, paces calls under the gateway's rate limits, retries what is safe to retry
 * and reports refusals as {@link riskguard.connectors.projectx.rest.ProjectXApiException}.
 */
package riskguard.connectors.projectx.rest;
