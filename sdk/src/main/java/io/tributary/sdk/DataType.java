package io.tributary.sdk;

/** The 15 column types of the Fivetran Connector SDK. */
public enum DataType {
    BOOLEAN,
    SHORT,
    INT,
    LONG,
    /** Needs a precision (at most 38) and a scale. */
    DECIMAL,
    FLOAT,
    DOUBLE,
    NAIVE_DATE,
    NAIVE_DATETIME,
    UTC_DATETIME,
    BINARY,
    XML,
    STRING,
    JSON,
    NAIVE_TIME
}
