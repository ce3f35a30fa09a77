package dev.gradientdeck.anki.export;

import dev.gradientdeck.anki.convert.CardConversion;
import dev.gradientdeck.cards.CardRepository;
import dev.gradientdeck.cards.CardViews;
import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.days.LearnerClock;
import dev.gradientdeck.review.PastAnswers;
import dev.gradientdeck.review.ReviewRepository.LoggedReview;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learner's deck and review history as an Anki package: every active card with its rendered question and answer, its
 * schedule and FSRS memory, its answers, and the media its HTML shows. A card that came from Anki keeps its Anki card id, so
 * importing the export here again finds the same cards.
 */
public final class AnkiExport {
    private static final Pattern MEDIA_SRC = Pattern.compile("src=\"/media/([^\"]+)\"");
    private static final Pattern AUDIO = Pattern.compile("<audio[^>]*src=\"/media/([^\"]+)\"[^>]*>\\s*</audio>");
    /** Cards born here get ids far from Anki's (epoch milliseconds since 2001 and later would collide only by chance). */
    private static final long NATIVE_ID_BASE = 900_000_000_000L;

    private final CardRepository cards;
    private final CardViews.Schedules schedules;
    private final PastAnswers past;
    private final Path mediaDir;
    private final Supplier<LearnerClock> clock;

    public AnkiExport(
            CardRepository cards,
            CardViews.Schedules schedules,
            PastAnswers past,
            Path deckFolder,
            Supplier<LearnerClock> clock) {
        this.cards = cards;
        this.schedules = schedules;
        this.past = past;
        this.mediaDir = deckFolder.resolve("media").toAbsolutePath().normalize();
        this.clock = clock;
    }

    public void write(Path target) throws IOException {
        List<ExportCard> exported = new ArrayList<>();
        Map<String, Path> media = new LinkedHashMap<>();
        for (CardViews.CardSummary summary : cards.list(Optional.empty(), false)) {
            Optional<CardDetail> detail = cards.find(summary.id());
            if (detail.isEmpty()) continue;
            exported.add(card(detail.get(), media));
        }
        ApkgWriter.write(target, LegacyCollection.of(exported, clock.get()), media);
    }

    private ExportCard card(CardDetail c, Map<String, Path> media) {
        List<LoggedReview> log = past.log(c.id());
        List<ExportCard.Answer> answers = log.stream()
                .map(r -> new ExportCard.Answer(
                        r.reviewedAt(),
                        r.rating().value(),
                        r.stateBefore(),
                        r.after().state().name(),
                        r.after().due(),
                        r.scheduledDays(),
                        r.durationMs()))
                .toList();
        CardViews.CardSchedule s = schedules.of(c.id());
        ExportCard.Schedule schedule = new ExportCard.Schedule(
                log.isEmpty() ? "new" : s.state(),
                s.stability(),
                s.difficulty(),
                s.due(),
                log.isEmpty() ? null : log.get(log.size() - 1).reviewedAt(),
                s.reps(),
                s.lapses());
        return new ExportCard(
                ankiId(c),
                "gd-" + c.slug(),
                c.title(),
                deckName(c.deck()),
                c.tags().stream().map(t -> t.replace("/", "::")).toList(),
                ankiHtml(c.questionHtml(), media),
                ankiHtml(back(c), media),
                schedule,
                answers);
    }

    private static long ankiId(CardDetail c) {
        String prefix = CardConversion.SLUG_PREFIX;
        if (c.slug().startsWith(prefix)) {
            try {
                return Long.parseLong(c.slug().substring(prefix.length()));
            } catch (NumberFormatException ignored) {
                // A learner's own id that merely starts like an imported one.
            }
        }
        return NATIVE_ID_BASE + c.id();
    }

    /** Deck folders become Anki's "::" levels; the folder imported cards live in is not a deck of their own. */
    static String deckName(String deck) {
        String name = deck.startsWith("anki/") ? deck.substring("anki/".length()) : deck;
        return name.isBlank() ? "Default" : name.replace("/", "::");
    }

    /** The answer, then what else the card shows after it: its key points and other sections. */
    private static String back(CardDetail c) {
        StringBuilder back = new StringBuilder(c.answerHtml());
        if (!c.keyPointsHtml().isEmpty()) {
            back.append("<h3>Key points</h3><ul>");
            c.keyPointsHtml().forEach(p -> back.append("<li>").append(p).append("</li>"));
            back.append("</ul>");
        }
        for (CardViews.Section section : c.sections()) {
            back.append("<h3>")
                    .append(dev.gradientdeck.present.Html.escape(section.heading()))
                    .append("</h3>")
                    .append(section.html());
        }
        return back.toString();
    }

    /** Media addresses as Anki writes them (the bare file name), audio as {@code [sound:...]}; each file goes in the package. */
    private String ankiHtml(String html, Map<String, Path> media) {
        String sounds = AUDIO.matcher(html)
                .replaceAll(m -> Matcher.quoteReplacement("[sound:" + include(m.group(1), media) + "]"));
        return MEDIA_SRC
                .matcher(sounds)
                .replaceAll(m -> Matcher.quoteReplacement("src=\"" + include(m.group(1), media) + "\""));
    }

    private String include(String encoded, Map<String, Path> media) {
        String name = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = mediaDir.resolve(name).normalize();
        if (file.getParent().equals(mediaDir) && Files.isRegularFile(file)) media.putIfAbsent(name, file);
        return name;
    }
}
