package dev.heed.core.model;

/** Where a case is in the team's workflow. A snooze is not a state: it silences nudges until a time. */
public enum CaseState {
    /** Detected and shown in chat; nobody owns it yet. */
    NEW,
    /** One member owns it and is working on the first response. */
    CLAIMED,
    /** The first (or latest) response went out; a follow-up from the author reopens it. */
    RESPONDED,
    /** Nothing more to do. A follow-up from the author reopens it. */
    RESOLVED,
    /** Not relevant (spam, off-topic, a bot). Follow-ups attach without reopening. */
    DISMISSED;

    /** Waiting for a response: the deadline clock runs and nudges go out. */
    public boolean awaitsResponse() {
        return this == NEW || this == CLAIMED;
    }

    /** Not finished: counts in queues and status. */
    public boolean isOpen() {
        return this == NEW || this == CLAIMED || this == RESPONDED;
    }
}
