package com.instainstru.catalog.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads stream entries as every consumer must: tolerantly. Entries that are not envelopes (other
 * tests write some on purpose) come back as an envelope with no type and an empty payload.
 */
public final class StreamEnvelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamEnvelopes() {
    }

    public static JsonNode read(String envelope) {
        try {
            JsonNode node = envelope == null ? null : JSON.readTree(envelope);
            if (node != null && node.has("payload")) {
                return node;
            }
        } catch (Exception notJson) {
            // falls through to the empty envelope
        }
        ObjectNode empty = JSON.createObjectNode();
        empty.put("type", "");
        empty.putObject("payload");
        return empty;
    }
}
