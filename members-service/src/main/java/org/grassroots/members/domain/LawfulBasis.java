package org.grassroots.members.domain;

/** The UK GDPR Art. 6 basis a consent-ledger entry rests on (political opinion also needs Art. 9 consent). */
public enum LawfulBasis {
    consent, legitimate_interests, contract, legal_obligation
}
