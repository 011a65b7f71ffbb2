package org.grassroots.kit.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.grassroots.kit.events.CloudEventHeaders;
import org.grassroots.kit.events.KafkaClients;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends records that could not be applied to {@code <topic>.dlt}: the original key, value and headers, plus
 * headers saying why, where from and after how many attempts. Only once the DLT has the record does the
 * consumer move past it.
 */
final class DeadLetters {

    static final String SUFFIX = ".dlt";
    static final String ERROR_CLASS = "dlt-error-class";
    static final String ERROR_MESSAGE = "dlt-error-message";
    static final String ORIGINAL_TOPIC = "dlt-original-topic";
    static final String ORIGINAL_PARTITION = "dlt-original-partition";
    static final String ORIGINAL_OFFSET = "dlt-original-offset";
    static final String CONSUMER = "dlt-consumer";
    static final String ATTEMPTS = "dlt-attempts";
    private static final int MAX_MESSAGE_LENGTH = 1000;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaClients kafka;
    private final String serviceName;
    private KafkaProducer<String, byte[]> producer;

    DeadLetters(KafkaClients kafka, String serviceName) {
        this.kafka = kafka;
        this.serviceName = serviceName;
    }

    synchronized void send(ConsumerRecord<String, byte[]> record, Exception error, int attempts) {
        if (producer == null) {
            producer = kafka.producer(serviceName + "-dead-letters");
        }
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(record.topic() + SUFFIX, null, record.key(),
                record.value(), record.headers());
        var headers = dead.headers();
        CloudEventHeaders.write(headers, ERROR_CLASS, error.getClass().getName());
        CloudEventHeaders.write(headers, ERROR_MESSAGE, truncate(String.valueOf(error.getMessage())));
        CloudEventHeaders.write(headers, ORIGINAL_TOPIC, record.topic());
        CloudEventHeaders.write(headers, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        CloudEventHeaders.write(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
        CloudEventHeaders.write(headers, CONSUMER, serviceName);
        CloudEventHeaders.write(headers, ATTEMPTS, Integer.toString(attempts));
        try {
            producer.send(dead).get(kafka.sendTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            producer.close();
            producer = null;
            throw new IllegalStateException("Could not dead-letter a record of " + record.topic(), e);
        }
        LOG.warnf("Dead-lettered %s-%d@%d to %s after %d attempt(s): %s", record.topic(), record.partition(),
                record.offset(), dead.topic(), attempts, error.getClass().getSimpleName());
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH);
    }
}
