package dev.gradientdeck.review;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;

/**
 * Re-derives cards' memory states by replaying their logs under given settings: what changing the scheduler's weights means
 * for cards already studied. Due dates stay unless the learner asks to reschedule.
 */
final class MemoryReplay {
    private MemoryReplay() {}

    static int all(Handle h, ReviewRepository repository, FsrsSettings settings, boolean reschedule) {
        int cards = 0;
        for (Map.Entry<Long, List<ReviewEvent>> card : repository.activeEvents(h).entrySet()) {
            replay(h, repository, card.getKey(), card.getValue(), settings, reschedule);
            cards++;
        }
        return cards;
    }

    static void replay(Handle h, ReviewRepository repository, long cardId, List<ReviewEvent> events, FsrsSettings settings,
                       boolean reschedule) {
        if (events.isEmpty()) return;
        Schedule replayed = Scheduler.replay(events, Schedule.fresh(events.get(0).reviewedAt()), settings);
        repository.updateMemory(h, cardId, ReviewRepository.memoryOf(replayed.state()), reschedule ? replayed.due() : null);
    }
}
