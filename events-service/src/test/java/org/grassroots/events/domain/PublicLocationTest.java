package org.grassroots.events.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicLocationTest {

    @Test
    void aFullPostcodeBecomesItsDistrict() {
        assertEquals("PL4", PublicLocation.district("PL4 8AA"));
        assertEquals("SW1A", PublicLocation.district("SW1A 1AA"));
        assertEquals("PL4", PublicLocation.district("PL4"));
        assertNull(PublicLocation.district("PL48AA"), "an unspaced full postcode is not passed on");
        assertNull(PublicLocation.district(null));
    }

    @Test
    void everyPointInACellShowsTheSameCentreAndNoneIsPublishedCloserThanHalfAKilometre() {
        // Two doors a few hundred metres apart in Plymouth publish the same point.
        assertEquals(PublicLocation.latitude(50.3712), PublicLocation.latitude(50.3741));
        assertEquals(PublicLocation.longitude(-4.1423), PublicLocation.longitude(-4.1550));
        // The published point is a cell centre, so nothing about where in the cell the door is.
        assertEquals(50.375, PublicLocation.latitude(50.3712));
        assertEquals(-4.15, PublicLocation.longitude(-4.1423));
        // The worst case, a door at a cell's corner, is still ~0.5 km from the pin on each axis.
        double shownLatitude = PublicLocation.latitude(50.37001);
        assertTrue(Math.abs(shownLatitude - 50.37001) * 111.32 > 0.5);
        assertNull(PublicLocation.latitude(null));
    }
}
