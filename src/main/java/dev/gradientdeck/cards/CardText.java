package dev.gradientdeck.cards;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A card file's bytes as text: at most 1 MB, UTF-8 only, one kind of line ending; a refusal names the line. */
final class CardText {
    static final int MAX_BYTES = 1024 * 1024;

    private CardText() {}

    static String decode(byte[] bytes) throws CardFileException {
        if (bytes.length > MAX_BYTES) {
            throw new CardFileException(1, "file is " + bytes.length + " bytes; a card file may be at most 1 MB");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new CardFileException(
                        lineAt(bytes, i),
                        "binary file (a NUL byte at line " + lineAt(bytes, i) + "); a card is a UTF-8 markdown file");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            int line = lineAt(bytes, firstInvalidUtf8(bytes));
            throw new CardFileException(line, "not valid UTF-8 at line " + line + "; save the file as UTF-8");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) throw new CardFileException(1, "file is empty");
        return text;
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
