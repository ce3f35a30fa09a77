package dev.gradientdeck.anki.pkg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest layout's media map: a protobuf message whose field 1 repeats one entry per media file, each with the file name
 * in field 1. The blob for the n-th entry is the zip member "n" (field 255, when present, names the member instead).
 */
final class MediaMap {
    private MediaMap() {}

    static Map<String, String> fromProtobuf(byte[] message) throws MalformedPackage {
        Map<String, String> map = new LinkedHashMap<>();
        int index = 0;
        for (Protobuf.Field entry : Protobuf.fields(message)) {
            if (entry.number() != 1 || entry.bytes() == null) continue;
            List<Protobuf.Field> fields = Protobuf.fields(entry.bytes());
            String name = Protobuf.text(fields, 1)
                    .orElseThrow(() -> new MalformedPackage("a media map entry has no file name"));
            String member =
                    Protobuf.has(fields, 255) ? Long.toString(Protobuf.number(fields, 255)) : Integer.toString(index);
            map.put(member, name);
            index++;
        }
        return map;
    }
}
