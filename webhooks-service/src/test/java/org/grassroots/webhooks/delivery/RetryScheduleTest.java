package org.grassroots.webhooks.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private static final Duration CAP = Duration.ofHours(24);

    @Test
    void theDefaultIsTheStandardWebhooksSchedule() {
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)),
                RetrySchedule.STANDARD);
        List<Duration> parsed = java.util.Arrays.stream(RetrySchedule.STANDARD_TEXT.split(","))
                .map(Duration::parse).toList();
        assertEquals(RetrySchedule.STANDARD, parsed, "the configuration default spells the same schedule");
        assertEquals(8, new RetrySchedule(RetrySchedule.STANDARD, CAP, new Random(1)).attempts());
    }

    @Test
    void everyDelayIsWithinTenPercentOfTheSchedulesAndJitterActuallyVaries() {
        RetrySchedule schedule = new RetrySchedule(RetrySchedule.STANDARD, CAP, new Random(42));
        for (int made = 1; made < 8; made++) {
            Duration nominal = RetrySchedule.STANDARD.get(made);
            long low = nominal.toNanos() - nominal.toNanos() / 10;
            long high = nominal.toNanos() + nominal.toNanos() / 10;
            int attemptsMade = made;
            List<Long> delays = IntStream.range(0, 500)
                    .mapToObj(i -> schedule.delayAfter(attemptsMade, null).orElseThrow().toNanos()).toList();
            assertTrue(delays.stream().allMatch(d -> d >= low && d <= high), () -> "outside ±10% of " + nominal);
            assertTrue(delays.stream().distinct().count() > 100, "jitter spreads the retries");
        }
    }

    @Test
    void afterTheEighthFailureThereIsNoNextAttempt() {
        RetrySchedule schedule = new RetrySchedule(RetrySchedule.STANDARD, CAP, new Random(1));
        assertTrue(schedule.delayAfter(7, null).isPresent());
        assertEquals(Optional.empty(), schedule.delayAfter(8, null));
    }

    @Test
    void retryAfterDefersButNeverHastensAndIsCapped() {
        RetrySchedule schedule = new RetrySchedule(RetrySchedule.STANDARD, CAP, new Random(1));
        Duration deferred = schedule.delayAfter(1, Duration.ofMinutes(1)).orElseThrow();
        assertEquals(Duration.ofMinutes(1), deferred, "5 s asked up to the receiver's minute");
        Duration notSooner = schedule.delayAfter(2, Duration.ofSeconds(1)).orElseThrow();
        assertTrue(notSooner.compareTo(Duration.ofSeconds(270)) >= 0, "never sooner than the schedule's 5 min");
        assertEquals(CAP, schedule.delayAfter(1, Duration.ofDays(30)).orElseThrow(), "a month is capped");
    }

    @Test
    void theSenderReadsRetryAfterAsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(120), WebhookSender.retryAfter("120"));
        String inAMinute = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60));
        Duration wait = WebhookSender.retryAfter(inAMinute);
        assertTrue(wait.toSeconds() >= 55 && wait.toSeconds() <= 60, () -> "an HTTP date a minute ahead: " + wait);
        assertEquals(null, WebhookSender.retryAfter("soon"));
    }
}
