package io.tributary.examples.using_dataframes;

import java.util.Optional;

/** Where people come from: the RandomUser API, or the playground's users. */
interface PersonSource {
    /** The person to store under profile id {@code id}; empty when the source has none. */
    Optional<Person> fetch(int id);
}
