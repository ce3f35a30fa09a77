package dev.gradientdeck.anki.pkg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads protocol-buffer messages field by field. Written by hand on purpose: the importer needs a handful of fields (media
 * names, template formats, a note type's kind, a deck's kind), and the alternative, generated code from Anki's .proto files,
 * would bring AGPL code into the project. Wire format facts only: a key is (field number << 3 | wire type), varints are
 * little-endian base-128, length-delimited fields carry their byte length first.
 */
final class Protobuf {
    /** One field as found: a varint's value, or a length-delimited field's bytes (fixed-width fields keep their raw bytes). */
    record Field(int number, long value, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Protobuf() {}

    static List<Field> fields(byte[] message) throws MalformedPackage {
        List<Field> out = new ArrayList<>();
        int[] at = {0};
        while (at[0] < message.length) {
            long key = varint(message, at);
            int number = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (wire) {
                case 0 -> out.add(new Field(number, varint(message, at), null));
                case 1 -> out.add(new Field(number, 0, slice(message, at, 8)));
                case 2 -> {
                    long length = varint(message, at);
                    if (length < 0 || length > message.length - at[0])
                        throw new MalformedPackage("a protobuf field runs past its message");
                    out.add(new Field(number, 0, slice(message, at, (int) length)));
                }
                case 5 -> out.add(new Field(number, 0, slice(message, at, 4)));
                default -> throw new MalformedPackage("a protobuf field has the unknown wire type " + wire);
            }
        }
        return out;
    }

    static Optional<String> text(List<Field> fields, int number) {
        return fields.stream()
                .filter(f -> f.number() == number && f.bytes() != null)
                .reduce((a, b) -> b)
                .map(Field::text);
    }

    static long number(List<Field> fields, int number) {
        return fields.stream()
                .filter(f -> f.number() == number && f.bytes() == null)
                .reduce((a, b) -> b)
                .map(Field::value)
                .orElse(0L);
    }

    static boolean has(List<Field> fields, int number) {
        return fields.stream().anyMatch(f -> f.number() == number);
    }

    private static long varint(byte[] bytes, int[] at) throws MalformedPackage {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= bytes.length) throw new MalformedPackage("a protobuf number is cut off");
            byte b = bytes[at[0]++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new MalformedPackage("a protobuf number is longer than ten bytes");
    }

    private static byte[] slice(byte[] bytes, int[] at, int length) throws MalformedPackage {
        if (length > bytes.length - at[0]) throw new MalformedPackage("a protobuf field runs past its message");
        byte[] out = java.util.Arrays.copyOfRange(bytes, at[0], at[0] + length);
        at[0] += length;
        return out;
    }
}
