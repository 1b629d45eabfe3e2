package org.attoscope.util;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attoscope.InputException;

/** Reading a JSON file the user wrote, with errors that point at the line. */
public final class JsonFiles {
    private JsonFiles() {
    }

    public static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, "the file does not exist.", "check the path.");
        }
        try {
            return Json.reader().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            // Jackson's own limits (nesting depth, say) come without a location
            throw new InputException(file, line, "malformed JSON: " + e.getOriginalMessage() + ".",
                    line > 0 ? "repair the JSON syntax at that line." : "repair the JSON as the message says.");
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage() + ".", "check the file's permissions.");
        }
    }

    /** The first line that mentions {@code "key"}, or 0: good enough to point an author at a field. */
    public static int lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("\"" + key + "\"")) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
