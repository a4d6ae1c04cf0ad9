package riskguard.engine.session;

import riskguard.engine.event.InputEvent;
import riskguard.engine.event.QuoteEvent;

/**
 * An account's event as it arrived, with the book's quote of its contract at that moment
 * (null when none): what {@link AccountSession#process} or, live, {@link AccountSession#take}
 * applies.
 */
record Arrival(AccountSession session, InputEvent event, QuoteEvent quote) {}
