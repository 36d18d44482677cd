package io.tributary.examples.complexconfigurationoptions;

/** A currency conversion to sync, such as USD to EUR. */
record CurrencyPair(String from, String to) {
    @Override
    public String toString() {
        return from + "->" + to;
    }
}
