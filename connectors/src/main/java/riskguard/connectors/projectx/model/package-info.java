/**
 * Jackson-mapped records for the ProjectX Gateway wire payloads: REST request and response
 * bodies, hub event payloads and the numeric enums. Build the matching {@code ObjectMapper} with
 * {@link riskguard.connectors.projectx.model.ProjectXJson#newMapper()}.
 */
package riskguard.connectors.projectx.model;
