package dev.heed.app;

/** The one way configuration values are checked: a failed check names the property and the accepted form. */
final class PropertyChecks {
    private PropertyChecks() {}

    static void check(boolean ok, String property, String expectation) {
        if (!ok) {
            throw new IllegalArgumentException(property + " " + expectation);
        }
    }
}
