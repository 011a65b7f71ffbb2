package org.grassroots.elections.domain;

/** A change an office-holder's affiliations may not take; {@code slug} names the rule. */
public class AffiliationRuleException extends RuntimeException {

    private final String slug;

    public AffiliationRuleException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
