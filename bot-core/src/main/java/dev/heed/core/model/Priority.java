package dev.heed.core.model;

/** Priority tier of a case; a higher tier can tighten its deadline. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public boolean isAtLeast(Priority other) {
        return compareTo(other) >= 0;
    }
}
