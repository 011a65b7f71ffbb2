package org.grassroots.elections.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElectionIdTest {

    @ParameterizedTest(name = "{0} is a {1} under {2}")
    @CsvSource(nullValues = "-", value = {
            "local.2022-05-05, group, -",
            "local.suffolk.2022-05-05, organisation, local.2022-05-05",
            "local.suffolk.st-olaves.2022-05-05, ballot, local.suffolk.2022-05-05",
            "local.bury-st-edmunds.st-olaves.by.2023-03-02, ballot, local.bury-st-edmunds.2023-03-02",
            "parl.2024-07-04, group, -",
            "parl.bury-st-edmunds-and-stowmarket.2024-07-04, ballot, parl.2024-07-04",
            "parl.hexham.by.2023-11-16, ballot, parl.2023-11-16",
            "sp.c.2021-05-06, subtype_group, sp.2021-05-06",
            "sp.c.aberdeen-central.2021-05-06, ballot, sp.c.2021-05-06",
            "senedd.r.south-wales-west.2021-05-06, ballot, senedd.r.2021-05-06",
            "gla.a.2021-05-06, ballot, gla.2021-05-06",
            "gla.c.barnet-and-camden.2021-05-06, ballot, gla.c.2021-05-06",
            "mayor.london.2024-05-02, ballot, mayor.2024-05-02",
            "pcc.suffolk.2024-05-02, ballot, pcc.2024-05-02",
            "nia.belfast-east.2022-05-05, ballot, nia.2022-05-05",
            "europarl.eastern.2019-05-23, ballot, europarl.2019-05-23",
            "ref.sheffield.2022-05-26, ballot, ref.2022-05-26"})
    void validIdsFollowTheReferenceDefinition(String id, ElectionLevel level, String parent) {
        ElectionId parsed = ElectionId.parse(id);
        assertEquals(level, parsed.level());
        assertEquals(Optional.ofNullable(parent), parsed.parentId());
    }

    @Test
    void aLocalBallotHasItsPartsAndPollDate() {
        ElectionId id = ElectionId.parse("local.bury-st-edmunds.st-olaves.by.2023-03-02");
        assertEquals(ElectionType.LOCAL, id.type());
        assertNull(id.subtype());
        assertEquals("bury-st-edmunds", id.organisation());
        assertEquals("st-olaves", id.division());
        assertTrue(id.byElection());
        assertEquals(LocalDate.of(2023, 3, 2), id.pollDate());
        assertFalse(ElectionId.parse("local.suffolk.st-olaves.2022-05-05").byElection());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "council.suffolk.2022-05-05 | type 'council' is not a Democracy Club election type",
            "local.suffolk.2022-02-30 | date '2022-02-30' is not a real date",
            "local.suffolk.2022-13-01 | date '2022-13-01' is not a real date",
            "local.2022-05-05.suffolk | date '2022-05-05' is out of order",
            "suffolk.local.2022-05-05 | type 'local' is out of order",
            "local.suffolk.by.st-olaves.2022-05-05 | segment 'by' is out of order",
            "local.suffolk.by.2022-05-05 | segment 'by' marks a by-election ballot",
            "sp.x.glasgow.2021-05-06 | subtype 'x' is not valid for type 'sp'",
            "gla.a.lambeth.2021-05-06 | segment 'lambeth' is not expected",
            "parl.bury.extra.2024-07-04 | segment 'extra' is not expected",
            "mayor.london.camden.2024-05-02 | segment 'camden' is not expected",
            "local.Suffolk.2022-05-05 | segment 'Suffolk' must be lower-case",
            "local..2022-05-05 | segment 2 is empty",
            "local.suffolk | the last segment 'suffolk' must be the poll date",
            "2022-05-05 | needs at least a type and a poll date"})
    void invalidIdsNameTheWrongSegment(String id, String message) {
        InvalidElectionIdException e = assertThrows(InvalidElectionIdException.class, () -> ElectionId.parse(id));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
