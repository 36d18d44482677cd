package io.tributary.examples.complexconfigurationoptions;

import java.util.Set;

/**
 * Static, non-secret settings that would be awkward as strings in {@code configuration.json}. They change
 * only with the code: nobody can edit them per connection. Never put secrets here.
 */
final class ApiConstants {
    /** The regions the API serves. */
    static final Set<String> SUPPORTED_REGIONS = Set.of(
            "us-east-1", "us-east-4", "us-central-1", "eu-west-1", "ap-south-1");

    /** The currencies the API quotes (ISO 4217 codes). */
    static final Set<String> SUPPORTED_CURRENCIES = Set.of("USD", "EUR", "GBP", "JPY", "CHF");

    /** The API's own limit on requests per day; a larger configured quota could never be used. */
    static final int MAX_API_QUOTA = 100_000;

    private ApiConstants() {
    }
}
