package org.attoscope.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration attoscope writes with: stable key order, so the same data gives the same bytes.
 *
 * <p>A mapper works out how to write a type (its properties, their serialisers) the first time it meets it, and
 * keeps that; with a fresh mapper for each explorer page, that work was done again for every page. So the hot paths
 * use {@link #writer()}, {@link #reader()} and {@link #factory()}, immutable views of one mapper that is configured
 * here and never after.
 *
 * <p>Doubles are written by Jackson's own Schubfach writer and read by its fast parser rather than the JDK's
 * {@code Double.toString} and {@code parseDouble}: the text is the same for every magnitude a trace holds (the two
 * differ only above about 1e17, where JDK 17's is not the shortest), reading is correctly rounded either way, and
 * the JDK's printer was the single longest compilation of a cold build.
 */
public final class Json {
    private static final ObjectMapper SHARED = mapper();

    private Json() {
    }

    /** A new mapper with this configuration, for a caller that keeps one or derives another ({@code copy()}). */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .build();
    }

    /** Writes with this configuration, sharing what the run has learnt of each type; immutable, thread-safe. */
    public static ObjectWriter writer() {
        return SHARED.writer();
    }

    /** Reads trees and values, sharing the run's deserialisers; immutable, thread-safe. */
    public static ObjectReader reader() {
        return SHARED.reader();
    }

    /** For streaming reads and writes; thread-safe. */
    public static JsonFactory factory() {
        return SHARED.getFactory();
    }
}
