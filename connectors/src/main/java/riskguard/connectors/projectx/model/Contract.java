package riskguard.connectors.projectx.model;

/** A futures contract, e.g. id {@code CON.F.US.ENQ.H25}, name {@code NQH5}, symbolId {@code F.US.ENQ}. */
public record Contract(
        String id,
        String name,
        String description,
        Double tickSize,
        Double tickValue,
        Boolean activeContract,
        String symbolId) {
}
