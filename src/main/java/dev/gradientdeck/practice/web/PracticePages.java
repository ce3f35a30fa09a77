package dev.gradientdeck.practice.web;

import dev.gradientdeck.cards.CardViews.CardDetail;
import dev.gradientdeck.practice.PracticeAttempt;
import dev.gradientdeck.practice.PracticeAttempt.Status;
import dev.gradientdeck.practice.PracticeOptions;
import dev.gradientdeck.practice.PracticeRepository.AttemptSummary;
import dev.gradientdeck.practice.PracticeRepository.TagCount;
import dev.gradientdeck.practice.PracticeRepository.Totals;
import dev.gradientdeck.practice.measure.SpeechTargets;
import dev.gradientdeck.practice.measure.SpeechTargets.Verdict;
import dev.gradientdeck.practice.measure.Transcript;
import dev.gradientdeck.practice.speech.ModelStatus;
import dev.gradientdeck.present.Numbers;
import dev.gradientdeck.review.GradeButton;
import dev.gradientdeck.review.Rating;
import dev.gradientdeck.web.Markdown;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the practice pages show, decided and formatted here so the templates only lay it out. */
public final class PracticePages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final Pattern ONE_PARAGRAPH = Pattern.compile("(?s)^<p>(.*)</p>\\s*$");

    private PracticePages() {}

    /** The speech model as the pages describe it. */
    public record SpeechModel(String state, String text, Integer percent) {
        public static SpeechModel of(ModelStatus status) {
            if (status instanceof ModelStatus.Unpacking u) {
                int percent = u.bytesTotal() > 0 ? (int) (100 * u.bytesDone() / u.bytesTotal()) : 0;
                return new SpeechModel(
                        "unpacking", "Unpacking the speech model (first use only): " + percent + "%", percent);
            }
            if (status instanceof ModelStatus.Ready) {
                return new SpeechModel("ready", "Offline transcription is ready.", null);
            }
            if (status instanceof ModelStatus.Unavailable u) {
                return new SpeechModel(
                        "unavailable",
                        "Transcription is unavailable: "
                                + u.reason()
                                + ". Recordings are"
                                + " still kept and played back, and the checklist, ratings and typed answers all work.",
                        null);
            }
            return new SpeechModel("preparing", "Loading the speech model…", null);
        }

        public boolean unavailable() {
            return state.equals("unavailable");
        }

        public boolean settled() {
            return state.equals("ready") || unavailable();
        }
    }

    // ---- setup ----

    public record Setup(
            PracticeOptions options,
            List<TagCount> tags,
            int practicableCards,
            SpeechModel speech,
            List<AttemptRow> recent,
            Totals totals) {
        public boolean chosen(String tag) {
            return options.tags().stream().anyMatch(tag::equalsIgnoreCase);
        }

        /** Tags shared by several cards, and any tag already chosen: the rest would bury them. */
        public List<TagCount> mainTags() {
            return tags.stream().filter(t -> t.cards() > 1 || chosen(t.tag())).toList();
        }

        public List<TagCount> moreTags() {
            return tags.stream().filter(t -> t.cards() <= 1 && !chosen(t.tag())).toList();
        }
    }

    // ---- session ----

    public record Session(PracticeOptions options, List<CardDetail> questions, SpeechModel speech, String setupQuery) {
        public String thinkTime() {
            return duration(options.thinkSeconds());
        }

        /** The think time as the countdown shows it, "0:15". */
        public String thinkClock() {
            return String.format(Locale.ROOT, "%d:%02d", options.thinkSeconds() / 60, options.thinkSeconds() % 60);
        }

        public String answerTime() {
            return duration(options.answerSeconds());
        }
    }

    /** The query string that brings the setup form back with these options chosen. */
    public static String query(PracticeOptions options) {
        StringBuilder q = new StringBuilder(
                "count=" + options.count() + "&think=" + options.thinkSeconds() + "&answer=" + options.answerSeconds());
        options.tags().forEach(tag -> q.append("&tag=").append(URLEncoder.encode(tag, StandardCharsets.UTF_8)));
        return q.toString();
    }

    // ---- one attempt ----

    /**
     * A measure beside its target; {@code verdict} is "good", "low", "high" or "" where there is no
     * target.
     */
    public record Metric(String name, String value, String detail, String target, String verdict) {}

    public record PointView(
            int position, String html, boolean covered, Boolean suggested, String missing, String matched) {
        /** What the check heard and what it missed, so the learner sees why before ticking. */
        public String suggestion() {
            if (suggested == null) {
                return "";
            }
            String heard = matched.isEmpty() ? "" : "heard: " + matched;
            if (suggested) {
                return heard.isEmpty() ? "mentioned" : "mentioned (" + heard + ")";
            }
            String said = missing.isEmpty() ? "not mentioned" : "not mentioned: " + missing;
            return heard.isEmpty() ? said : said + " (" + heard + ")";
        }
    }

    public record AttemptView(
            PracticeAttempt attempt,
            CardDetail card,
            SpeechModel speech,
            String when,
            String progressText,
            Integer progressPercent,
            List<Transcript.Word> transcript,
            List<Metric> metrics,
            List<PointView> points,
            List<GradeButton> grades,
            String rated) {
        public String statusKey() {
            return attempt.status().key();
        }

        public boolean pending() {
            return attempt.status().pending();
        }

        public boolean retryable() {
            return attempt.spoken() && (attempt.status() == Status.FAILED || attempt.status() == Status.UNAVAILABLE);
        }

        public String duration() {
            return attempt.durationSeconds() == null ? "" : PracticePages.duration(attempt.durationSeconds());
        }
    }

    /**
     * Everything the reveal shows about one attempt. {@code grades} holds the four buttons with
     * their next intervals while the attempt is unrated; {@code rated} says what the rating did
     * once it is.
     */
    public static AttemptView attemptView(
            PracticeAttempt a,
            CardDetail card,
            SpeechModel speech,
            ZoneId zone,
            Optional<Double> progress,
            List<GradeButton> grades,
            String rated) {
        return new AttemptView(
                a,
                card,
                speech,
                when(a.createdAt(), zone),
                progressText(a, speech, progress),
                percent(progress).orElse(null),
                Transcript.marked(a.words(), a.fillers()),
                metrics(a),
                points(a),
                grades,
                rated);
    }

    private static Optional<Integer> percent(Optional<Double> progress) {
        return progress.map(p -> (int) Math.round(100 * p));
    }

    /**
     * Where the attempt is on its way to a transcript, or why it has none; empty once it has one.
     */
    public static String progressText(PracticeAttempt a, SpeechModel speech, Optional<Double> progress) {
        Integer percent = percent(progress).orElse(null);
        return switch (a.status()) {
            case QUEUED ->
                speech.settled() ? "Waiting for the transcriber…" : "Waiting for the speech model. " + speech.text();
            case TRANSCRIBING -> "Transcribing" + (percent == null ? "…" : ": " + percent + "% of the recording");
            case UNAVAILABLE ->
                "No transcript: "
                        + (a.statusMessage() == null ? "speech recognition is unavailable." : a.statusMessage());
            case FAILED -> a.statusMessage() == null ? "Transcription failed." : a.statusMessage();
            case NO_SPEECH -> a.statusMessage() == null ? "The microphone heard nothing." : a.statusMessage();
            case DONE -> "";
        };
    }

    static List<Metric> metrics(PracticeAttempt a) {
        List<Metric> metrics = new ArrayList<>();
        if (a.status() != Status.DONE) {
            return metrics;
        }
        if (a.wordsPerMinute() != null) {
            double wpm = a.wordsPerMinute();
            metrics.add(new Metric(
                    "Pace",
                    Math.round(wpm) + " wpm",
                    "",
                    (int) SpeechTargets.PACE_LOW + "–" + (int) SpeechTargets.PACE_HIGH + " wpm",
                    verdict(SpeechTargets.pace(wpm))));
            double perMinute = SpeechTargets.fillersPerMinute(a.fillerCount(), a.speakingSeconds());
            metrics.add(new Metric(
                    "Fillers",
                    String.valueOf(a.fillerCount()),
                    Numbers.oneDecimal(perMinute) + " a minute",
                    "at most " + (int) SpeechTargets.FILLERS_PER_MINUTE_MAX + " a minute",
                    verdict(SpeechTargets.fillers(perMinute))));
            metrics.add(new Metric(
                    "Longest pause",
                    Numbers.oneDecimal(a.longestPauseSeconds()) + " s",
                    "",
                    "at most " + (int) SpeechTargets.PAUSE_MAX_SECONDS + " s",
                    verdict(SpeechTargets.pause(a.longestPauseSeconds()))));
            metrics.add(new Metric(
                    "Speaking time",
                    duration(a.speakingSeconds()),
                    "of " + duration(a.durationSeconds()) + " recorded",
                    "",
                    ""));
        } else {
            metrics.add(new Metric("Words", String.valueOf(a.words().size()), "typed, so no pace or pauses", "", ""));
            metrics.add(new Metric(
                    "Fillers",
                    String.valueOf(a.fillerCount()),
                    "",
                    "none or one",
                    a.fillerCount() <= 1 ? "good" : "high"));
        }
        if (!a.points().isEmpty()) {
            double share = (double) a.pointsCovered() / a.points().size();
            metrics.add(new Metric(
                    "Key points",
                    a.pointsCovered() + " of " + a.points().size(),
                    "as ticked below",
                    "at least " + Math.round(100 * SpeechTargets.COVERAGE_GOOD) + "%",
                    verdict(SpeechTargets.coverage(share))));
        }
        return metrics;
    }

    private static List<PointView> points(PracticeAttempt a) {
        return a.points().stream()
                .map(p -> new PointView(
                        p.position(),
                        inlineHtml(p.text()),
                        Boolean.TRUE.equals(p.covered()),
                        p.suggested(),
                        String.join(", ", p.missing()),
                        String.join(", ", p.matched())))
                .toList();
    }

    /**
     * A key point is one line of markdown (often with math); shown inline, without its paragraph.
     */
    private static String inlineHtml(String markdown) {
        String html = Markdown.toSafeHtml(markdown);
        var m = ONE_PARAGRAPH.matcher(html);
        return m.matches() ? m.group(1) : html;
    }

    // ---- history ----

    public record AttemptRow(
            AttemptSummary attempt,
            String when,
            String duration,
            String pace,
            String fillers,
            String coverage,
            String rating) {}

    public record Trend(String name, Sparkline line, String latest, String target) {}

    public record History(Optional<CardDetail> card, List<AttemptRow> rows, Totals totals, List<Trend> trends) {}

    public static List<AttemptRow> rows(List<AttemptSummary> attempts, ZoneId zone) {
        return attempts.stream()
                .map(a -> new AttemptRow(
                        a,
                        when(a.createdAt(), zone),
                        a.durationSeconds() == null ? "typed" : duration(a.durationSeconds()),
                        a.wordsPerMinute() == null ? "–" : Math.round(a.wordsPerMinute()) + " wpm",
                        a.fillerCount() == null
                                ? "–"
                                : a.speakingSeconds() == null
                                        ? String.valueOf(a.fillerCount())
                                        : Numbers.oneDecimal(SpeechTargets.fillersPerMinute(
                                                        a.fillerCount(), a.speakingSeconds()))
                                                + "/min",
                        a.pointCount() == 0 ? "–" : a.pointsCovered() + "/" + a.pointCount(),
                        a.rating() == null ? "" : Rating.of(a.rating()).label()))
                .toList();
    }

    /**
     * Pace, fillers a minute and coverage over the attempts given (newest first), drawn oldest
     * first.
     */
    public static List<Trend> trends(List<AttemptSummary> newestFirst) {
        List<AttemptSummary> attempts = new ArrayList<>(newestFirst);
        Collections.reverse(attempts);
        List<Double> pace = new ArrayList<>();
        List<Double> fillers = new ArrayList<>();
        List<Double> coverage = new ArrayList<>();
        for (AttemptSummary a : attempts) {
            if (a.status() != Status.DONE) {
                continue;
            }
            if (a.wordsPerMinute() != null && a.speakingSeconds() != null && a.speakingSeconds() > 0) {
                pace.add(a.wordsPerMinute());
                fillers.add(SpeechTargets.fillersPerMinute(a.fillerCount(), a.speakingSeconds()));
            }
            if (a.pointCount() > 0) {
                coverage.add(100.0 * a.pointsCovered() / a.pointCount());
            }
        }
        return List.of(
                new Trend(
                        "Pace",
                        Sparkline.of(pace, 90, 190, SpeechTargets.PACE_LOW, SpeechTargets.PACE_HIGH),
                        last(pace).map(v -> Math.round(v) + " wpm").orElse("–"),
                        "120–160 wpm"),
                new Trend(
                        "Fillers a minute",
                        Sparkline.of(fillers, 0, 4, 0, SpeechTargets.FILLERS_PER_MINUTE_MAX),
                        last(fillers).map(Numbers::oneDecimal).orElse("–"),
                        "at most 2"),
                new Trend(
                        "Key points covered",
                        Sparkline.of(coverage, 0, 100, 100 * SpeechTargets.COVERAGE_GOOD, 100),
                        last(coverage).map(v -> Math.round(v) + "%").orElse("–"),
                        "80% or more"));
    }

    // ---- formatting ----

    /** Minutes and seconds, "1:05"; under a minute just seconds, "45 s". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    private static String verdict(Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<Double> last(List<Double> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }
}
