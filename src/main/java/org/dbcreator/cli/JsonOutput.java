package org.dbcreator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** What the commands print for scripts: maps, lists and plain values as indented JSON. */
final class JsonOutput {

    /** Made on first use: text output, the common case, should not pay for Jackson's start-up. */
    private static final class Mapper {
        static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private JsonOutput() {}

    static String of(Object tree) {
        try {
            return Mapper.INDENTED.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps, lists and plain values always serialise", e);
        }
    }
}
