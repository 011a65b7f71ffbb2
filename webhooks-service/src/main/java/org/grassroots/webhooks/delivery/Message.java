package org.grassroots.webhooks.delivery;

/**
 * One message to deliver: its stable id ({@code msg_...}, the same on every attempt), the event type, and the
 * JSON body exactly as signed and sent ({@code {"type","timestamp","data"}}).
 */
public record Message(String id, String type, String body) {
}
