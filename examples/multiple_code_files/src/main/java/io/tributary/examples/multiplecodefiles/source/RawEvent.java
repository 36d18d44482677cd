package io.tributary.examples.multiplecodefiles.source;

/** An event as the source sends it: the timestamp is text in one of two formats, UTC implied. */
public record RawEvent(String name, String timestamp) {
}
