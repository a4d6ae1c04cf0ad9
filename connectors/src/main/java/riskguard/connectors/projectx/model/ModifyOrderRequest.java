package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code /api/Order/modify}; only the non-null fields change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModifyOrderRequest(
        long accountId,
        long orderId,
        Integer size,
        Double limitPrice,
        Double stopPrice,
        Double trailPrice) {
}
