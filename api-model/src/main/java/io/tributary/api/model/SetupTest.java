package io.tributary.api.model;

/** One step of a setup test: status PASSED, FAILED, SKIPPED, WARNING or JOB_FAILED. */
public record SetupTest(String title, String status, String message) {
}
