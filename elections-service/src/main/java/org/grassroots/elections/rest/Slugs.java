package org.grassroots.elections.rest;

/** Shapes of the standard identifiers the API takes as given. */
final class Slugs {
    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String MESSAGE = "must be lower-case letters, digits and single hyphens (a Democracy Club slug)";
    static final String GSS = "[EWSN][0-9]{8}";
    static final String GSS_MESSAGE = "must be an ONS GSS code, e.g. E05012345";
    static final String EC_ID = "PPm?[0-9]{1,6}";
    static final String EC_ID_MESSAGE = "must be an Electoral Commission register id, e.g. PP53";

    private Slugs() {
    }
}
