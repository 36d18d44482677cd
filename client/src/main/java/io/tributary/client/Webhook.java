package io.tributary.client;

import java.util.List;

/**
 * A webhook as the API shows it. {@code type} is "account" or "group" ({@code groupId} set only for a group's);
 * {@code secret} is the mask "******" when one is set, null otherwise: the API never returns the secret itself.
 */
public record Webhook(String id, String type, String url, List<String> events, boolean active, String secret,
                      String groupId, String createdAt, String createdBy) {
}
