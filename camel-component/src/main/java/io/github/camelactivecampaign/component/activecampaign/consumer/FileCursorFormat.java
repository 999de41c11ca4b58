// SPDX-License-Identifier: Apache-2.0
package io.github.camelactivecampaign.component.activecampaign.consumer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the content of a cursor file.
 * <p>
 * Written: one compact JSON document, {@code {"format":"camel-activecampaign-cursors","version":1,"states":{...}}},
 * every non-ASCII character escaped, so that any key or value survives whatever the platform's charset is. A
 * document that was cut short is not valid JSON, so a torn file is always recognised.
 * <p>
 * Read: that document, or the {@code key=value} lines of Camel's {@code FileStateRepository}, which earlier versions
 * used. That format is an append log (the last line of a key wins) whose every line ends with a newline, so a file
 * that ends inside a line was torn by a crash.
 */
final class FileCursorFormat {

    static final String FORMAT = "camel-activecampaign-cursors";
    static final int VERSION = 1;
    /** How every file this class writes begins; the compact writer puts these fields first, in this order. */
    static final String HEADER = "{\"format\":\"" + FORMAT + "\"";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private FileCursorFormat() {
    }

    /** Why the content of a cursor file cannot be trusted; the message completes "the file ...". */
    static final class UnreadableException extends Exception {
        UnreadableException(String problem) {
            super(problem);
        }
    }

    /** Any text can be stored except half of a surrogate pair, which is not a character and JSON cannot carry. */
    static void requireUnicode(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("The " + what + " is not valid Unicode text: an unpaired surrogate "
                                                   + "at index " + i + "; it cannot be stored in a cursor file");
            }
        }
    }

    static byte[] write(Map<String, String> states) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + states.size() * 128);
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", VERSION);
            json.writeObjectFieldStart("states");
            for (Map.Entry<String, String> state : states.entrySet()) {
                json.writeStringField(state.getKey(), state.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** The states a file holds, in either format. */
    static Map<String, String> read(byte[] content) throws UnreadableException {
        if (content.length == 0) {
            // this class never writes an empty file; Camel's FileStateRepository does both when it never stored
            // a state and when killed while rewriting itself: only the user can tell which
            throw new UnreadableException("is empty (0 bytes): an earlier version leaves it so when it never stored "
                                          + "a cursor, and also when it was killed while rewriting the file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableException("is not UTF-8 text (" + content.length + " bytes), so it is not a cursor "
                                          + "file or it was damaged");
        }
        if (text.indexOf('\0') >= 0) {
            // file systems can leave blocks of zeros where data was not yet written at a crash
            throw new UnreadableException("contains NUL bytes, which a crash while writing it can leave");
        }
        if (text.startsWith(HEADER)) {
            return readDocument(content);
        }
        if (HEADER.startsWith(text)) {
            throw new UnreadableException("ends after " + text.length() + " bytes, inside its header: it was cut "
                                          + "short while being written");
        }
        return readLegacyLines(text);
    }

    private static Map<String, String> readDocument(byte[] content) throws UnreadableException {
        JsonNode document;
        try {
            document = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw new UnreadableException("is not a complete cursor document (" + e.getOriginalMessage() + "): it "
                                          + "was cut short or damaged");
        } catch (IOException e) {
            throw new UncheckedIOException("Reading from memory failed", e);
        }
        JsonNode version = document.path("version");
        if (!version.isInt() || version.intValue() < 1) {
            throw new UnreadableException("has no valid format version");
        }
        if (version.intValue() > VERSION) {
            throw new UnreadableException("was written by a newer version of the component (format version "
                                          + version.intValue() + "; this one reads version " + VERSION + ")");
        }
        JsonNode states = document.path("states");
        if (!states.isObject()) {
            throw new UnreadableException("has no \"states\" object");
        }
        Map<String, String> result = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = states.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new UnreadableException("holds a state that is not text (key '" + field.getKey() + "')");
            }
            result.put(field.getKey(), field.getValue().textValue());
        }
        return result;
    }

    /** Camel FileStateRepository's lines: key, '=', value, newline; a key's last line wins. */
    private static Map<String, String> readLegacyLines(String text) throws UnreadableException {
        Map<String, String> result = new TreeMap<>();
        int line = 1;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                throw new UnreadableException("ends inside line " + line + " (no newline after it): it was cut short "
                                              + "while a cursor was being written");
            }
            int separator = text.indexOf('=', start);
            if (separator < 0 || separator > end) {
                throw new UnreadableException("has no '=' in line " + line + ", so it is neither a cursor file nor "
                                              + "a key=value state file");
            }
            result.put(text.substring(start, separator), text.substring(separator + 1, end));
            start = end + 1;
            line++;
        }
        return result;
    }
}
