package dev.gradientdeck.anki.pkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtobufTest {
    @Test
    void fieldsByNumber() throws Exception {
        // field 1 = 150 (varint 96 01), field 2 = "hi"
        List<Protobuf.Field> fields = Protobuf.fields(new byte[] {0x08, (byte) 0x96, 0x01, 0x12, 0x02, 'h', 'i'});
        assertEquals(150, Protobuf.number(fields, 1));
        assertEquals("hi", Protobuf.text(fields, 2).orElseThrow());
    }

    @Test
    void theLatestMediaMapNamesEachZipMemberByItsPlace() throws Exception {
        byte[] entry0 = {0x0a, 0x05, 'a', '.', 'j', 'p', 'g', 0x10, 0x03};
        byte[] entry1 = {0x0a, 0x05, 'b', '.', 'm', 'p', '3'};
        byte[] message = new byte[2 + entry0.length + 2 + entry1.length];
        message[0] = 0x0a;
        message[1] = (byte) entry0.length;
        System.arraycopy(entry0, 0, message, 2, entry0.length);
        message[2 + entry0.length] = 0x0a;
        message[3 + entry0.length] = (byte) entry1.length;
        System.arraycopy(entry1, 0, message, 4 + entry0.length, entry1.length);
        assertEquals(Map.of("0", "a.jpg", "1", "b.mp3"), MediaMap.fromProtobuf(message));
    }

    @Test
    void aCutMessageIsMalformed() {
        assertThrows(MalformedPackage.class, () -> Protobuf.fields(new byte[] {0x12, 0x05, 'h'}));
    }
}
