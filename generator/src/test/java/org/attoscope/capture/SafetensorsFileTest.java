package org.attoscope.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.attoscope.InputException;
import org.junit.jupiter.api.Test;

/** The reader accepts the standard layout and refuses every way a file can lie, naming the file and the tensor. */
class SafetensorsFileTest {
    static final Path FILE = Path.of("captures/fixture.safetensors");

    static SafetensorsFile parse(String header, byte[] data) {
        return SafetensorsFile.parse(FILE, HandMade.safetensors(header, data));
    }

    static InputException refused(String header, byte[] data) {
        InputException e = assertThrows(InputException.class, () -> parse(header, data));
        assertEquals(FILE, e.file());
        return e;
    }

    static void assertMentions(InputException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "\"" + p + "\" is not in: " + e.getMessage());
        }
    }

    @Test
    void readsAHandMadeFileWithMetadataAndEveryDtype() {
        byte[] data = HandMade.concat(HandMade.f32(1f), HandMade.u16(0x3c00, 0xc100), HandMade.u16(0x3f80));
        SafetensorsFile f = parse("{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"s\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[1,2],\"data_offsets\":[4,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[8,10]}}   ", data);
        assertEquals(Map.of("format", "pt"), f.metadata());
        assertEquals(List.of("b", "h", "s"), List.copyOf(f.entries().keySet()));
        assertEquals(new SafetensorsEntry("h", Dtype.F16, List.of(1, 2), 4, 8), f.entries().get("h"));
        assertEquals(List.of(), f.entries().get("s").shape());
        assertArrayEquals(HandMade.u16(0x3c00, 0xc100), f.rawBytes("h"));
    }

    @Test
    void aHeaderLengthPastTheEndOfTheFileIsRefused() {
        byte[] bytes = HandMade.safetensors("{}", new byte[0]);
        bytes[0] = 100;
        InputException e = assertThrows(InputException.class, () -> SafetensorsFile.parse(FILE, bytes));
        assertMentions(e, "header length field says 100 bytes", "truncated");
    }

    @Test
    void aFileShorterThanItsLengthFieldIsRefused() {
        InputException e = assertThrows(InputException.class, () -> SafetensorsFile.parse(FILE, new byte[] {8, 0, 0}));
        assertMentions(e, "3 bytes");
    }

    @Test
    void aTruncatedFileIsRefusedNamingTheTensorThatNoLongerFits() {
        byte[] whole = SafetensorsWriter.encode(SafetensorsRoundTripTest.TENSORS);
        byte[] cut = Arrays.copyOf(whole, whole.length - 3);
        InputException e = assertThrows(InputException.class, () -> SafetensorsFile.parse(FILE, cut));
        assertMentions(e, "tensor d.rank5", "truncated");
    }

    @Test
    void offsetsPastTheEndOfTheDataAreRefused() {
        InputException e = refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", HandMade.f32(1f, 2f));
        assertMentions(e, "tensor x", "[0, 16]", "only 8 bytes");
    }

    @Test
    void overlappingTensorsAreRefusedNamingBoth() {
        InputException e = refused("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", HandMade.f32(1f, 2f, 3f));
        assertMentions(e, "tensor b", "overlaps tensor a");
    }

    @Test
    void bytesBetweenTensorsAreRefused() {
        InputException e = refused("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", HandMade.f32(1f, 2f, 3f));
        assertMentions(e, "tensor b begins at byte 8", "belong to no tensor");
    }

    @Test
    void bytesAfterTheLastTensorAreRefused() {
        InputException e = refused("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", HandMade.f32(1f, 2f));
        assertMentions(e, "8 bytes", "end at byte 4");
    }

    @Test
    void aLengthThatDisagreesWithTheShapeIsRefused() {
        InputException e = refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", HandMade.f32(1f, 2f));
        assertMentions(e, "tensor x", "8 bytes", "shape [3] of F32 needs 12 bytes");
    }

    @Test
    void anUnsupportedDtypeIsRefusedNamingTensorAndDtype() {
        InputException e = refused("{\"ids\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]);
        assertMentions(e, "tensor ids", "\"I64\"", "F32, F16 and BF16");
    }

    @Test
    void malformedHeaderJsonIsRefused() {
        InputException e = refused("{\"x\":{\"dtype\":\"F32\",", HandMade.f32(1f));
        assertMentions(e, "not well-formed JSON");
    }

    @Test
    void aTensorNamedTwiceIsRefused() {
        InputException e = refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", HandMade.f32(1f));
        assertMentions(e, "Duplicate field 'x'");
    }

    @Test
    void aHeaderThatIsNotAnObjectOfTensorsIsRefused() {
        assertMentions(refused("[1,2]", new byte[0]), "does not start with '{'");
        assertMentions(refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", HandMade.f32(1f)), "tensor x", "shape [-1]");
        assertMentions(refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", HandMade.f32(1f)), "tensor x", "ends before it begins");
        assertMentions(refused("{\"x\":{\"dtype\":\"F32\",\"shape\":[1]}}", HandMade.f32(1f)), "tensor x", "data_offsets");
    }
}
