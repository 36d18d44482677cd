package io.tributary.api.model;

/** {@code GET /v1/account/info}: the account, and the key that called. */
public record AccountInfo(String accountId, String accountName, String userId, String systemKeyId) {
}
