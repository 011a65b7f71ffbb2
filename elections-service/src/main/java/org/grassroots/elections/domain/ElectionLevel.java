package org.grassroots.elections.domain;

/**
 * Where an election id sits in Democracy Club's hierarchy: an election group ({@code local.2022-05-05}), a
 * subtype group ({@code sp.c.2021-05-06}), an organisation election ({@code local.suffolk.2022-05-05}) or a
 * ballot ({@code local.suffolk.st-olaves.2022-05-05}; also {@code mayor.london.2024-05-02}, which has no
 * divisions).
 */
public enum ElectionLevel {
    group, subtype_group, organisation, ballot
}
