package riskguard.engine.model;

import java.time.LocalDate;

/**
 * A WARNING decision already given: rule {@code rule} told the trader on {@code tradingDay}
 * that {@code level} percent of its limit was used. Rules insert it with the warning and
 * guard with {@code not Warned(...)}, so each level warns once per trading day; the daily
 * reset removes the markers of earlier days.
 */
public record Warned(String rule, int level, LocalDate tradingDay) {}
