package riskguard.connectors.projectx.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A trading account, from {@code /api/Account/search} and the {@code GatewayUserAccount} event. */
public record Account(
        long id,
        String name,
        Double balance,
        Boolean canTrade,
        @JsonProperty("isVisible") Boolean isVisible,
        Boolean simulated) {
}
