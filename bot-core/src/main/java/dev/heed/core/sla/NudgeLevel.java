package dev.heed.core.sla;

/** How loud a nudge is, quietest first. */
public enum NudgeLevel {
    /** A quiet reminder in the card's thread. */
    REMINDER,
    /** Mentions the owner, or the on-duty group when the case is unclaimed. */
    WARNING,
    /** The deadline has passed: a breach notice broadcast to the channel, mentioning managers. */
    BREACH,
    /** A capped repeat of the breach notice. */
    REPEAT
}
