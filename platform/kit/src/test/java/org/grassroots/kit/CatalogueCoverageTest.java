package org.grassroots.kit;

import org.grassroots.kit.catalogue.EventTypes;
import org.grassroots.kit.catalogue.Topics;
import org.grassroots.testing.EventCatalogue;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The code's topics and event types and the AsyncAPI catalogue name the same things. */
class CatalogueCoverageTest {

    @Test
    void everyEventTypeInCodeIsDocumentedAndViceVersa() throws IllegalAccessException {
        assertEquals(constants(EventTypes.class), EventCatalogue.load().allEventTypes());
    }

    @Test
    void everyTopicInCodeIsAChannelOfTheCatalogue() throws IllegalAccessException {
        EventCatalogue catalogue = EventCatalogue.load();
        for (String topic : constants(Topics.class)) {
            catalogue.eventTypes(topic); // throws for an undocumented topic
        }
    }

    private static Set<String> constants(Class<?> type) throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }
}
